package org.habeas.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Requests are timed once, as a whole; Spring Security does not time each of its filters and checks. */
class SecurityObservationsTest extends HabeasTest {

  @Autowired TestRestTemplate http;
  @Autowired MeterRegistry meters;

  @Test
  void aRequestIsObservedWithoutSpringSecuritysObservations() {
    assertThat(http.withBasicAuth("coordinator", "coordinator").getForEntity("/api/cases", String.class)
        .getStatusCode().is2xxSuccessful()).isTrue();

    List<String> names = meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
    assertThat(names).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
  }
}
