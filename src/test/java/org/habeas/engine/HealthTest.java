package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What a load balancer and an administrator learn from a node's health endpoints. */
class HealthTest extends HabeasTest {

  @Autowired TestRestTemplate http;

  @Test
  void livenessIsOpenToLoadBalancers_readinessDetailsNameTheDatabaseAndTheEngine() {
    assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getBody().get("status").asText())
        .isEqualTo("UP");
    JsonNode anonymous = http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody();
    assertThat(anonymous.has("components")).as("no details for anonymous callers").isFalse();

    JsonNode readiness = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health/readiness", JsonNode.class)
        .getBody();
    assertThat(readiness.get("components").get("db").get("status").asText()).isEqualTo("UP");
    assertThat(readiness.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
    assertThat(readiness.get("status").asText()).isEqualTo("UP");
    assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().value()).isIn(401, 404);
  }
}
