package org.habeas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habeas.bench.CaseLifecycle.Step;
import org.habeas.intake.Alert;

/**
 * Habeas' cases as its users drive them, over HTTP: the coordinator files the alert
 * ({@code POST /api/alerts}), the release is reported on the case ({@code POST /api/cases/{n}/release}),
 * and each task is found and completed through the engine REST API as Tasklist does.
 */
public final class HabeasCases implements CaseDriver {

  private final Http http;

  public HabeasCases(Http http) {
    this.http = http;
  }

  @Override
  public String open(int n, Alert alert) {
    Http.Answer answer = http.post("coordinator", "/api/alerts", alert, "bench-" + n);
    expect(answer, "alert " + n);
    return answer.json().path("cases").path(0).path("caseNumber").asText();
  }

  @Override
  public void pass(String caseNumber, Step step) {
    if (step.isRelease()) {
      expect(http.post(step.user(), "/api/cases/" + caseNumber + "/release", step.variables(), null),
          caseNumber + " release");
      return;
    }
    String query = "/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + step.task();
    JsonNode found = CaseDriver.poll(caseNumber, step, () -> {
      JsonNode tasks = http.get(step.user(), query).json();
      return tasks.isEmpty() ? null : tasks;
    });
    Map<String, Object> variables = new LinkedHashMap<>();
    step.variables().forEach((name, value) -> variables.put(name, Map.of("value", value)));
    expect(http.post(step.user(), "/engine-rest/task/" + found.path(0).path("id").asText() + "/complete",
        Map.of("variables", variables), null), caseNumber + " " + step.task());
  }

  private static void expect(Http.Answer answer, String what) {
    if (!answer.ok()) {
      throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
    }
  }
}
