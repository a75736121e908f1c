package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.habeas.HabeasTest;
import org.habeas.tasklist.MyTasksFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A case driven from start to end over Camunda's REST API, as the demo users would, and its refusals. */
class EngineRestTest extends HabeasTest {

  @Autowired TestRestTemplate http;

  @Test
  void aCaseRunsFromStartToEndOverRestAsTheDemoUsers() {
    ResponseEntity<Map> started = post("coordinator", "/process-definition/key/detention-response/start",
        Map.of("variables", variables(alert())));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = (String) started.getBody().get("id");
    assertThat((String) started.getBody().get("businessKey")).matches("KZ-2026-\\d{5}");

    completeTask("coordinator", id, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    completeTask("lawyer1", id, "VisitDetainee",
        Map.of("charged", true, "chargeArticle", "434(1)", "conditions", "cold cell", "safetyRisk", false));
    completeTask("lawyer1", id, "RecordHearing", Map.of("court", "district court", "hearingAt", "2026-11-28T10:00:00+05:00"));
    completeTask("lawyer1", id, "RecordVerdict", Map.of("verdict", "ACQUITTED", "rulingServedAt", "2026-11-27T14:50:00+05:00"));
    completeTask("coordinator", id, "CloseCase", Map.of("closingSummary", "Acquitted."));
    assertThat(get("coordinator", "/history/process-instance?processInstanceId=" + id))
        .singleElement().satisfies(pi -> assertThat(pi.get("state")).isEqualTo("COMPLETED"));
  }

  @Test
  void malformedApprehensionTime_isA400NamingTheField() {
    ResponseEntity<Map> answer = post("coordinator", "/process-definition/key/detention-response/start",
        Map.of("variables", variables(alert().putValue("apprehendedAt", "21/11/2025 16:00"))));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) answer.getBody().get("message")).startsWith("apprehendedAt: must be an ISO-8601 date-time");
    assertThat((List<?>) answer.getBody().get("fields")).hasSize(1);
  }

  @Test
  void unknownLawyer_isA400_onCompleteAndOnFormSubmit() {
    String id = (String) post("coordinator", "/process-definition/key/detention-response/start",
        Map.of("variables", variables(alert()))).getBody().get("id");
    String task = taskId("coordinator", id, "AssignLawyer");
    for (String action : List.of("complete", "submit-form")) {
      ResponseEntity<Map> answer = post("coordinator", "/task/" + task + "/" + action,
          Map.of("variables", variables(Map.of("lawyer", "lawyer9"))));
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().get("message"))
          .isEqualTo("lawyer: 'lawyer9' is not a lawyer in Habeas; lawyers are: lawyer1, lawyer2");
    }
  }

  @Test
  void aLawyersTasklist_hasOnlyMyTasks_whichListsTheTasksAssignedToWhoeverAsks_newestFirst() {
    String older = startCaseOverRest();
    completeTask("coordinator", older, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    String newer = startCaseOverRest();
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(60)));
    completeTask("coordinator", newer, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    String other = startCaseOverRest();
    completeTask("coordinator", other, "AssignLawyer", Map.of("lawyer", "lawyer2"));
    assertThat(get("lawyer1", "/filter")).extracting(filter -> filter.get("name")).containsExactly(MyTasksFilter.NAME);
    assertThat(get("coordinator", "/filter")).extracting(filter -> filter.get("name"))
        .contains(MyTasksFilter.NAME, "All tasks");
    String filter = (String) get("lawyer1", "/filter?name=" + MyTasksFilter.NAME).get(0).get("id");

    List<Map<String, Object>> lawyer1 = get("lawyer1", "/filter/" + filter + "/list");
    assertThat(lawyer1).extracting(task -> task.get("assignee")).containsOnly("lawyer1");
    assertThat(lawyer1).extracting(task -> task.get("processInstanceId")).containsSubsequence(newer, older)
        .doesNotContain(other);
    assertThat(get("lawyer2", "/filter/" + filter + "/list")).extracting(task -> task.get("processInstanceId"))
        .contains(other).doesNotContain(older, newer);
  }

  @Test
  void withoutLogin_theRestApiAnswers401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // An unknown user: a wrong password of a real one would lock that account for the tests that follow.
    assertThat(http.withBasicAuth("intruder", "guess").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String startCaseOverRest() {
    return (String) post("coordinator", "/process-definition/key/detention-response/start",
        Map.of("variables", variables(alert()))).getBody().get("id");
  }

  private void completeTask(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    ResponseEntity<Map> answer = post(user, "/task/" + taskId(user, processInstanceId, taskKey) + "/complete",
        Map.of("variables", variables(variables)));
    assertThat(answer.getStatusCode()).as(taskKey).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String taskId(String user, String processInstanceId, String taskKey) {
    return (String) get(user, "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey)
        .get(0).get("id");
  }

  /** Variables as Camunda's REST API takes them: {name: {value}}. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, java.util.Collections.singletonMap("value", value)));
    return variables;
  }

  private ResponseEntity<Map> post(String user, String path, Object body) {
    return http.withBasicAuth(user, user).postForEntity("/engine-rest" + path, body, Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> get(String user, String path) {
    return http.withBasicAuth(user, user).getForObject("/engine-rest" + path, List.class);
  }
}
