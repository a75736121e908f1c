package org.habeas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may do what, over HTTP: Habeas' API, Camunda's REST API and the logins of Camunda's web apps, for
 * each role, anonymous included. A case assigned to lawyer1 is the subject; lawyer2 is another lawyer.
 */
class AccessMatrixTest extends HabeasTest {

  private static final String ANONYMOUS = null;

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  private ProcessInstance lawyer1sCase;
  private String caseNumber;
  private String visitTask;

  @BeforeEach
  void aCaseOfLawyer1() {
    lawyer1sCase = startCase(alert());
    caseNumber = lawyer1sCase.getBusinessKey();
    complete(lawyer1sCase, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    visitTask = task(lawyer1sCase, "VisitDetainee").getId();
  }

  /** One row: who, what, and the status expected. */
  private record Row(String user, HttpMethod method, String path, Object body, int status) {
  }

  @Test
  void habeasApi() {
    String c = "/api/cases/" + caseNumber;
    check(List.of(
        new Row(ANONYMOUS, HttpMethod.GET, "/api/cases", null, 401),
        new Row("coordinator", HttpMethod.GET, "/api/cases", null, 200),
        new Row("manager", HttpMethod.GET, "/api/cases", null, 200),
        new Row("lawyer2", HttpMethod.GET, "/api/cases", null, 200),
        new Row(ANONYMOUS, HttpMethod.GET, c, null, 401),
        new Row("coordinator", HttpMethod.GET, c, null, 200),
        new Row("manager", HttpMethod.GET, c, null, 200),
        new Row("lawyer1", HttpMethod.GET, c, null, 200),
        new Row("lawyer2", HttpMethod.GET, c, null, 404),
        new Row("coordinator", HttpMethod.GET, c + "/personal-data", null, 200),
        new Row("lawyer1", HttpMethod.GET, c + "/personal-data", null, 200),
        new Row("lawyer2", HttpMethod.GET, c + "/personal-data", null, 404),
        new Row(ANONYMOUS, HttpMethod.GET, c + "/personal-data", null, 401),
        new Row("manager", HttpMethod.GET, c + "/audit", null, 200),
        new Row("coordinator", HttpMethod.GET, c + "/audit", null, 403),
        new Row("lawyer1", HttpMethod.GET, c + "/audit", null, 403),
        new Row("lawyer1", HttpMethod.GET, "/api/workload", null, 403),
        new Row("manager", HttpMethod.GET, "/api/workload", null, 200),
        new Row("lawyer1", HttpMethod.POST, "/api/alerts", Map.of(), 403),
        new Row("manager", HttpMethod.POST, "/api/alerts", Map.of(), 403),
        new Row("lawyer2", HttpMethod.POST, c + "/release", Map.of("releasedAt", "2026-11-27T14:30:00+05:00"), 404),
        new Row("manager", HttpMethod.POST, c + "/release", Map.of("releasedAt", "2026-11-27T14:30:00+05:00"), 403),
        new Row(ANONYMOUS, HttpMethod.GET, "/v3/api-docs", null, 401)));
  }

  @Test
  void personalDataIsDecryptedForThoseWhoMaySeeTheCase_andEveryViewIsAudited() {
    Map<String, Object> data = http.withBasicAuth("lawyer1", "lawyer1")
        .exchange("/api/cases/" + caseNumber + "/personal-data", HttpMethod.GET, null,
            new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    assertThat(data).containsEntry("defenderName", "Ardzh Tursynkan")
        .containsEntry("placeOfDetention", "Police precinct, Saryarka district, Astana");
    assertThat(runtime.getVariables(lawyer1sCase.getId())).doesNotContainKeys("defenderName", "placeOfDetention",
        "healthNeeds", "safetyConcern", "organisation");
    List<?> audit = http.withBasicAuth("manager", "manager").getForObject("/api/cases/" + caseNumber + "/audit", List.class);
    assertThat(audit.toString()).contains("CHANGE", "VIEW", "lawyer1", "defenderName");
  }

  @Test
  void camundaRestApi_lawyersSeeAndCompleteOnlyTheirOwnTasks() {
    String pi = lawyer1sCase.getId();
    check(List.of(
        new Row(ANONYMOUS, HttpMethod.GET, "/engine-rest/task", null, 401),
        new Row("lawyer1", HttpMethod.GET, "/engine-rest/task/" + visitTask, null, 200),
        new Row("lawyer2", HttpMethod.GET, "/engine-rest/task/" + visitTask, null, 404),
        new Row("lawyer2", HttpMethod.GET, "/engine-rest/task/" + visitTask + "/variables", null, 403),
        new Row("lawyer2", HttpMethod.POST, "/engine-rest/task/" + visitTask + "/complete", Map.of(), 403),
        new Row("lawyer2", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null, 403),
        new Row("lawyer1", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null, 403),
        new Row("coordinator", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null, 200),
        new Row("manager", HttpMethod.GET, "/engine-rest/task/" + visitTask, null, 200),
        new Row("lawyer1", HttpMethod.POST, "/engine-rest/process-definition/key/detention-response/start", Map.of(), 403),
        new Row("coordinator", HttpMethod.POST, "/engine-rest/user/create",
            Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password")), 403),
        new Row("manager", HttpMethod.GET, "/engine-rest/authorization/count", null, 200)));
    assertThat(http.withBasicAuth("lawyer2", "lawyer2")
        .getForObject("/engine-rest/task?processInstanceId=" + pi, List.class)).isEmpty();
    assertThat(http.withBasicAuth("lawyer1", "lawyer1")
        .getForObject("/engine-rest/task?processInstanceId=" + pi, List.class)).hasSize(1);
    assertThat(http.withBasicAuth("coordinator", "coordinator")
        .getForObject("/engine-rest/process-instance/" + pi + "/variables", Map.class))
        .containsKey("detentionDeadline").doesNotContainKeys("defenderName", "placeOfDetention", "safetyConcern");
  }

  @Test
  void camundaWebApps_eachRoleLogsIntoItsOwnApps() {
    assertThat(webappLogin("lawyer1", "tasklist")).isEqualTo(200);
    assertThat(webappLogin("lawyer1", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("coordinator", "admin")).isEqualTo(403);
    assertThat(webappLogin("manager", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
  }

  @Test
  void repeatedFailedLogins_lockTheAccountForAWhile() {
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThat(status("lawyer2", "wrong password", HttpMethod.GET, "/api/me", null)).isEqualTo(401);
      }
      assertThat(status("lawyer2", "lawyer2", HttpMethod.GET, "/api/me", null)).as("locked").isEqualTo(401);
    } finally {
      identity.unlockUser("lawyer2");
    }
    assertThat(status("lawyer2", "lawyer2", HttpMethod.GET, "/api/me", null)).isEqualTo(200);
  }

  private void check(List<Row> rows) {
    for (Row row : rows) {
      assertThat(status(row.user(), row.user(), row.method(), row.path(), row.body()))
          .as("%s %s as %s", row.method(), row.path(), row.user()).isEqualTo(row.status());
    }
  }

  private int status(String user, String password, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, password);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
  }

  /** Logs into a Camunda web app the way its login page does: with the session and CSRF token of a page. */
  private int webappLogin(String user, String app) {
    var page = http.getForEntity("/camunda/app/welcome/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.set(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";")[0]).toList()));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", user);
    return http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value();
  }
}
