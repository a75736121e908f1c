package org.habeas.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every endpoint of /api over HTTP, as the hotline client, the pages and the managers use it. */
class ApiTest extends HabeasTest {

  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  /** The two Astana incidents of November 2025, as alerts; times moved to the test's day. */
  private JsonNode seedAlert(int index) throws Exception {
    ObjectNode alert = (ObjectNode) json.readTree(getClass().getResourceAsStream("/demo/seed-incidents.json"))
        .get("alerts").get(index);
    alert.remove("outcome");
    alert.put("apprehendedAt", index == 0 ? "2026-11-27T13:00:00+05:00" : "2026-11-27T14:00:00+05:00");
    return alert;
  }

  @Test
  void theTwoSeedIncidentsOpenOneCasePerDetainee_linkedByTheIncident() throws Exception {
    JsonNode first = post("coordinator", "/api/alerts", seedAlert(0), null).getBody();
    assertThat(first.get("cases")).hasSize(1);
    assertThat(first.get("cases").get(0).get("caseNumber").asText()).matches("KZ-2026-\\d{5}");
    assertThat(first.get("cases").get(0).get("detentionDeadline").asText()).isEqualTo("2026-11-27T16:00:00+05:00");

    ResponseEntity<JsonNode> second = post("coordinator", "/api/alerts", seedAlert(1), null);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getBody().get("cases")).hasSize(2);
    String incident = second.getBody().get("incidentId").asText();
    for (JsonNode opened : second.getBody().get("cases")) {
      assertThat(runtime.getVariable(opened.get("processInstanceId").asText(), "incidentId")).isEqualTo(incident);
      // UNKNOWN proceeding: the shortest limit, 3 hours
      assertThat(opened.get("detentionDeadline").asText()).isEqualTo("2026-11-27T17:00:00+05:00");
    }
  }

  @Test
  void aRepeatWithTheSameIdempotencyKeyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    ResponseEntity<JsonNode> first = post("coordinator", "/api/alerts", seedAlert(1), key);
    long cases = runtime.createProcessInstanceQuery().processDefinitionKey("detention-response").count();
    ResponseEntity<JsonNode> repeat = post("coordinator", "/api/alerts", seedAlert(1), key);
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(repeat.getBody()).isEqualTo(first.getBody());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("detention-response").count()).isEqualTo(cases);

    ResponseEntity<JsonNode> other = post("coordinator", "/api/alerts", seedAlert(0), key);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void badAlertsAre400NamingEachField_andCreateNothing() throws Exception {
    long cases = runtime.createProcessInstanceQuery().count();
    ObjectNode noDetainees = (ObjectNode) seedAlert(0);
    noDetainees.putArray("detainees");
    assertFields(noDetainees, "detainees");
    assertFields(((ObjectNode) seedAlert(0)).put("apprehendedAt", "21.11.2025 16:00"), "apprehendedAt");
    assertFields(((ObjectNode) seedAlert(0)).put("apprehendedAt", "2026-11-28T10:00:00+05:00"), "apprehendedAt");
    assertFields(((ObjectNode) seedAlert(0)).put("jurisdiction", "UA"), "jurisdiction");
    ObjectNode oversized = (ObjectNode) seedAlert(1);
    ((ObjectNode) oversized.get("detainees").get(1)).put("name", "x".repeat(201));
    ((ObjectNode) oversized.get("detainees").get(0)).put("name", "");
    assertFields(oversized, "detainees[0].name", "detainees[1].name");

    ResponseEntity<JsonNode> malformed = http.withBasicAuth("coordinator", "coordinator").exchange("/api/alerts",
        HttpMethod.POST, new HttpEntity<>("{\"jurisdiction\": \"KZ\", ", jsonHeaders(null)), JsonNode.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("detail").asText()).contains("not the JSON this call takes");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(cases);
  }

  @Test
  void withoutLoginA401_andALawyerMayNotFileAnAlert() throws Exception {
    assertThat(http.postForEntity("/api/alerts", new HttpEntity<>(seedAlert(0), jsonHeaders(null)), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post("lawyer1", "/api/alerts", seedAlert(0), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("lawyer1", "/api/workload").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCaseList_overdueFirst_lawyersSeeOnlyTheirOwn() throws Exception {
    JsonNode opened = post("coordinator", "/api/alerts", seedAlert(1), null).getBody().get("cases");
    String mine = opened.get(0).get("caseNumber").asText();
    String other = opened.get(1).get("caseNumber").asText();
    complete(runtime.createProcessInstanceQuery().processInstanceBusinessKey(mine)
        .processDefinitionKey("detention-response").singleResult(), "AssignLawyer", Map.of("lawyer", "lawyer2"));

    ResponseEntity<JsonNode> all = get("coordinator", "/api/cases?status=open&size=500");
    assertThat(Long.parseLong(all.getHeaders().getFirst("X-Total-Count"))).isGreaterThanOrEqualTo(2);
    JsonNode row = find(all.getBody(), mine);
    assertThat(row.get("stage").asText()).isEqualTo("VisitDetainee");
    assertThat(row.get("stageName").asText()).isEqualTo("Visit the detainee");
    assertThat(row.get("lawyer").asText()).isEqualTo("lawyer2");
    assertThat(row.get("overdue").asBoolean()).isFalse();
    assertThat(row.get("incidents").asInt()).as("a new case has no failed notification").isZero();
    assertThat(row.get("nextDeadline").get("what").asText()).isEqualTo("DETENTION_LIMIT");
    assertThat(row.get("nextDeadline").get("dueAt").asText()).isEqualTo("2026-11-27T17:00:00+05:00");
    assertThat(find(all.getBody(), other).get("stage").asText()).isEqualTo("AssignLawyer");

    JsonNode lawyers = get("lawyer2", "/api/cases?size=500").getBody();
    assertThat(lawyers.findValuesAsText("caseNumber")).contains(mine).doesNotContain(other);
    assertThat(lawyers.findValuesAsText("lawyer")).containsOnly("lawyer2");

    ClockUtil.setCurrentTime(Date.from(at("2026-11-27T17:05:00+05:00")));
    JsonNode overdue = get("coordinator", "/api/cases?overdue=true&size=500").getBody();
    assertThat(overdue.findValuesAsText("caseNumber")).contains(mine, other);
    assertThat(overdue.findValuesAsText("overdue")).containsOnly("true");
    startCase(alert().putValue("apprehendedAt", "2026-11-27T17:00:00+05:00"));
    JsonNode everything = get("coordinator", "/api/cases?size=500").getBody();
    List<String> flags = everything.findValuesAsText("overdue");
    assertThat(flags).as("overdue cases first").contains("false")
        .isEqualTo(flags.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    assertThat(get("coordinator", "/api/cases?status=sometimes").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("coordinator", "/api/cases?size=5000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aCaseWithItsTasksAndTimeline_andReportingTheRelease() throws Exception {
    String caseNumber = post("coordinator", "/api/alerts", seedAlert(0), null).getBody()
        .get("cases").get(0).get("caseNumber").asText();
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("detention-response").singleResult();
    deliverNotices(pi);

    JsonNode view = get("manager", "/api/cases/" + caseNumber).getBody();
    assertThat(view.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(view.get("tasks").get(0).get("taskKey").asText()).isEqualTo("AssignLawyer");
    assertThat(view.get("tasks").get(0).get("candidateGroups").get(0).asText()).isEqualTo("coordinators");
    assertThat(view.get("tasks").get(0).get("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
    List<JsonNode> timeline = List.copyOf(json.convertValue(view.get("timeline"), List.class).stream()
        .map(json::valueToTree).map(JsonNode.class::cast).toList());
    assertThat(timeline).anySatisfy(line -> {
      assertThat(line.get("what").asText()).isEqualTo("Detention reported");
      assertThat(line.get("by").asText()).isEqualTo("coordinator");
    });
    assertThat(timeline).anySatisfy(line -> {
      assertThat(line.get("kind").asText()).isEqualTo("NOTIFICATION");
      assertThat(line.get("detail").asText()).contains("coordinator@habeas.local", "lawyer1@habeas.local");
    });
    assertThat(view.toString()).doesNotContain("Tursynkan", "Saryarka", "sexual");

    assertThat(get("lawyer1", "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("manager", "/api/cases/KZ-1999-00000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(post("coordinator", "/api/cases/" + caseNumber + "/release",
        json.createObjectNode().put("releasedAt", "yesterday"), null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("coordinator", "/api/cases/" + caseNumber + "/release",
        json.createObjectNode().put("releasedAt", "2026-11-27T14:45:00+05:00"), null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.getVariable(pi.getId(), "releasedAt")).isEqualTo("2026-11-27T14:45:00+05:00");
    assertThat(find(get("coordinator", "/api/cases?size=500").getBody(), caseNumber).get("nextDeadline").isNull())
        .isTrue();
    assertThat(post("coordinator", "/api/cases/" + caseNumber + "/release",
        json.createObjectNode().put("releasedAt", "2026-11-27T14:45:00+05:00"), null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void workloadMeAndTheOpenApiDescription() {
    assertThat(get("manager", "/api/workload").getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode me = get("lawyer1", "/api/me").getBody();
    assertThat(me.get("userId").asText()).isEqualTo("lawyer1");
    assertThat(me.get("groups").findValuesAsText("")).isEmpty();
    assertThat(me.get("groups").toString()).contains("lawyers", "duty");
    JsonNode openApi = get("coordinator", "/v3/api-docs").getBody();
    assertThat(openApi.get("paths").has("/api/alerts")).isTrue();
    assertThat(openApi.get("paths").has("/api/cases/{caseNumber}/release")).isTrue();
  }

  private void assertFields(JsonNode alert, String... fields) {
    ResponseEntity<JsonNode> answer = post("coordinator", "/api/alerts", alert, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
  }

  private static JsonNode find(JsonNode cases, String caseNumber) {
    for (JsonNode row : cases) {
      if (row.get("caseNumber").asText().equals(caseNumber)) {
        return row;
      }
    }
    throw new AssertionError(caseNumber + " not listed");
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body, String idempotencyKey) {
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST,
        new HttpEntity<>(body, jsonHeaders(idempotencyKey)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
  }

  private static HttpHeaders jsonHeaders(String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }
}
