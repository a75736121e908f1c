package org.habeas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.habeas.HabeasApplication;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a copied database file or the log reveals of the defenders (nothing), and that Habeas will not
 * run with a known password or without its data key. Each test starts a Habeas of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataProtectionTest {

  /** The names and details of the seed incidents' defenders. */
  private static final List<String> SECRETS = List.of("Tursynkan", "Baymash", "Sekerbayeva", "AlmaTQ", "Feminita",
      "Queer.kz", "Saryarka", "Sary-Arka", "sexual violence", "fellow inmate");

  private static final String TEST_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdCE=";

  @Test
  void theSeedCases_leaveNoDefenderNameInTheDatabaseFileOrTheLog(CapturedOutput log) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "leak-test"));
    try (var files = Files.list(folder)) {
      files.forEach(file -> file.toFile().delete());
    }
    try (ConfigurableApplicationContext habeas = start("demo", Map.of(
        "spring.datasource.url", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("habeas")))) {
      ManagementService management = habeas.getBean(ManagementService.class);
      for (Job job : management.createJobQuery().list()) {
        management.executeJob(job.getId());
      }
      TaskService tasks = habeas.getBean(TaskService.class);
      var visit = tasks.createTaskQuery().taskDefinitionKey("VisitDetainee").singleResult();
      tasks.complete(visit.getId(), Map.of("charged", true, "chargeArticle", "434(1)", "safetyRisk", true,
          "conditions", "Tursynkan shares a cell at Saryarka with the man who threatened sexual violence"));
      assertThatThrownBy(() -> habeas.getBean(AlertIntake.class).file(new Alert("KZ", "Baymash's friend", null,
          "Saryarka", "not a time", "UNKNOWN", null, null,
          List.of(new Alert.Detainee("Sekerbayeva", "Feminita", false, null, null)))))
          .hasMessageContaining("apprehendedAt");
    }

    Path database = folder.resolve("habeas.mv.db");
    String stored = new String(Files.readAllBytes(database), StandardCharsets.ISO_8859_1);
    assertThat(stored).as("the scan reads the database: case numbers are there").contains("KZ-2026-");
    for (String secret : SECRETS) {
      assertThat(stored).as("database file").doesNotContain(secret);
      assertThat(log.getAll()).as("log").doesNotContain(secret);
    }
  }

  @Test
  void outsideTheDemo_withoutAnAdministratorPassword_habeasRefusesToStartAndSaysWhatToSet() {
    assertThatThrownBy(() -> start("test", Map.of("habeas.data-key", TEST_KEY)).close())
        .hasStackTraceContaining("HABEAS_ADMIN_PASSWORD is not set");
  }

  @Test
  void outsideTheDemo_withoutADataKey_habeasRefusesToStartAndSaysWhatToSet() {
    assertThatThrownBy(() -> start("test", Map.of("habeas.admin-password", "a long unique password")).close())
        .hasStackTraceContaining("HABEAS_DATA_KEY is not set");
  }

  @Test
  void outsideTheDemo_theFirstAdministratorComesFromTheEnvironment_andNoDemoUserExists() {
    try (ConfigurableApplicationContext habeas = start("test", Map.of("habeas.data-key", TEST_KEY,
        "habeas.admin-password", "a long unique password"))) {
      IdentityService identity = habeas.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "a long unique password")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting("id").containsExactly("admin");
      assertThat(identity.createUserQuery().userId("coordinator").count()).isZero();
    }
  }

  /** A Habeas of its own: its own engine and in-memory database unless told otherwise, without web server. */
  private static ConfigurableApplicationContext start(String profile, Map<String, Object> properties) {
    String name = "protection" + System.nanoTime();
    var defaults = new java.util.HashMap<String, Object>(Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name", name,
        "camunda.bpm.job-execution.enabled", "false",
        // no web server: Camunda's web apps keep state of their own per JVM, which a second one would clash with
        "spring.main.web-application-type", "none",
        "spring.autoconfigure.exclude", "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
    defaults.putAll(properties);
    return new SpringApplicationBuilder(HabeasApplication.class).profiles(profile).run(defaults.entrySet().stream()
        .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
  }
}
