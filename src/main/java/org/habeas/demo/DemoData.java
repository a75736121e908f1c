package org.habeas.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;
import org.habeas.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: the demo users (password = user id, in the groups {@code AccessRules}
 * creates) and, on a fresh database, the two
 * Astana incidents of November 2025 as running cases, the first one already with lawyer1.
 */
@Component
@Profile("demo")
public class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** Demo user id → its groups. */
  static final Map<String, List<String>> USERS = Map.of(
      "coordinator", List.of(Groups.COORDINATORS),
      "lawyer1", List.of(Groups.LAWYERS, "duty"),
      "lawyer2", List.of(Groups.LAWYERS),
      "manager", List.of(Groups.MANAGERS),
      "admin", List.of(Groups.ADMINS));

  private final IdentityService identity;
  private final HistoryService history;
  private final TaskService tasks;
  private final AlertIntake intake;

  public DemoData(IdentityService identity, HistoryService history, TaskService tasks, AlertIntake intake) {
    this.identity = identity;
    this.history = history;
    this.tasks = tasks;
    this.intake = intake;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() throws IOException {
    log.warn("DEMO PROFILE: users coordinator, lawyer1, lawyer2, manager and admin have their user id as "
        + "password. Never run the demo profile with real cases.");
    createUsers();
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(AlertIntake.PROCESS).count() == 0) {
      fileSeedIncidents();
    }
  }

  private void createUsers() {
    USERS.forEach((id, groups) -> {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("(demo)");
        user.setEmail(id + "@habeas.local");
        user.setPassword(id);
        identity.saveUser(user);
        groups.forEach(group -> identity.createMembership(id, group));
      }
    });
  }

  /** The two Astana incidents of November 2025 ({@code demo/seed-incidents.json}) as alerts. */
  public static List<Alert> seedAlerts() throws IOException {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream seed = new ClassPathResource("demo/seed-incidents.json").getInputStream()) {
      return json.readerForListOf(Alert.class).readValue(json.readTree(seed).get("alerts"));
    }
  }

  private void fileSeedIncidents() throws IOException {
    List<AlertIntake.Intake> filed = seedAlerts().stream().map(intake::file).toList();
    String first = filed.get(0).cases().get(0).processInstanceId();
    var assign = tasks.createTaskQuery().processInstanceId(first).taskDefinitionKey("AssignLawyer").singleResult();
    tasks.complete(assign.getId(), Map.of("lawyer", "lawyer1"));
    log.info("Demo cases opened: {}", filed.stream().flatMap(i -> i.cases().stream())
        .map(AlertIntake.OpenedCase::caseNumber).toList());
  }
}
