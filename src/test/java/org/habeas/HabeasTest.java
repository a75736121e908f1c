package org.habeas;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run Habeas: one Spring context for all of them (same configuration, so it is
 * cached), the demo users, the job executor off (tests run jobs), GreenMail as the SMTP server, the
 * engine clock fixed at {@link #NOW}, and H2 or, with {@code -Dhabeas.test.database=postgres}, a real
 * PostgreSQL ({@link TestPostgres}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class HabeasTest {

  /** The engine's "now" in tests: a Friday afternoon in Astana. */
  protected static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  /** A free port for GreenMail, chosen once per test run, so that test runs side by side do not collide. */
  private static final int SMTP_PORT = freePort();

  @RegisterExtension
  protected static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", () -> SMTP_PORT);
    if (TestPostgres.wanted()) {
      String url = TestPostgres.newDatabase("habeas_suite");
      properties.add("spring.datasource.url", () -> url);
      properties.add("spring.datasource.username", () -> "postgres");
      properties.add("spring.datasource.password", () -> "postgres");
    }
  }

  private static int freePort() {
    if (TestPostgres.wanted()) {
      // the server takes a free port of its own when it starts: first, so that the two never pick the same
      TestPostgres.server();
    }
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;

  @BeforeEach
  void setUpEngine() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetEngine() {
    ClockUtil.reset();
    reset();
  }

  /** Start variables of a Kazakh administrative detention an hour ago, with personal data. */
  protected static VariableMap alert() {
    return Variables.putValue("jurisdiction", "KZ")
        .putValue("reportedBy", "hotline volunteer")
        .putValue("location", "Astana")
        .putValue("placeOfDetention", "Police precinct, Saryarka district, Astana")
        .putValue("apprehendedAt", "2026-11-27T14:00:00+05:00")
        .putValue("proceeding", "ADMINISTRATIVE")
        .putValue("suspectedOffence", "Art. 434(1) CoAO (petty hooliganism)")
        .putValue("summary", "Arrested at a roundtable after a complaint.")
        .putValue("defenderName", "Ardzh Tursynkan")
        .putValue("organisation", "AlmaTQ")
        .putValue("disability", true)
        .putValue("healthNeeds", "needs daily medication")
        .putValue("safetyConcern", "threatened with sexual violence by a fellow inmate");
  }

  /** The personal data in {@link #alert()}, which must never leave Habeas by default. */
  protected static final List<String> PERSONAL_DATA = List.of("Ardzh", "Tursynkan", "AlmaTQ", "Saryarka",
      "precinct", "medication", "sexual violence");

  protected ProcessInstance startCase(VariableMap variables) {
    return runtime.startProcessInstanceByKey("detention-response", variables);
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  protected void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(instance, taskKey).getId(), variables);
  }

  /** Runs the asynchronous job (both its halves) or timer of an activity. */
  protected void runJobs(ProcessInstance instance, String activityId) {
    Job job;
    while ((job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult()) != null) {
      management.executeJob(job.getId());
    }
  }

  /** E-mails every notice of the case that is due: runs the jobs of its "notice" instances. */
  protected void deliverNotices(ProcessInstance instance) {
    for (ProcessInstance notice : notices(instance)) {
      runJobs(notice, "MailNotice");
    }
  }

  /** The notices of a case still to be e-mailed. */
  protected List<ProcessInstance> notices(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(instance.getBusinessKey()).list();
  }

  /** The instance a call activity of this case started, e.g. its "appeal". */
  protected ProcessInstance called(ProcessInstance instance, String processKey) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(processKey).singleResult();
  }

  protected Job job(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  protected static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  protected static Date minute(Instant instant) {
    return Date.from(instant.truncatedTo(ChronoUnit.MINUTES));
  }

  /** A mail as one recipient got it. */
  protected record Mail(String recipient, String subject, String body) {
  }

  /** The mails of a case that reached GreenMail, one per recipient. */
  protected List<Mail> mailsOf(String caseNumber) {
    try {
      List<Mail> mails = new ArrayList<>();
      var managers = greenMail.getManagers();
      for (GreenMailUser user : managers.getUserManager().listUser()) {
        for (StoredMessage stored : managers.getImapHostManager().getInbox(user).getMessages()) {
          MimeMessage message = stored.getMimeMessage();
          if (message.getSubject().contains(caseNumber)) {
            mails.add(new Mail(user.getEmail(), message.getSubject(), GreenMailUtil.getBody(message)));
          }
        }
      }
      return mails;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Who got the mails of a case whose subject contains the words. */
  protected List<String> recipientsOf(String caseNumber, String subjectWords) {
    return mailsOf(caseNumber).stream().filter(m -> m.subject().contains(subjectWords)).map(Mail::recipient)
        .sorted().toList();
  }
}
