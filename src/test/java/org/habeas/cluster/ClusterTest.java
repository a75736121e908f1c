package org.habeas.cluster;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.habeas.HabeasApplication;
import org.habeas.TestPostgres;
import org.habeas.security.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Habeas nodes, each a JVM of its own, on one PostgreSQL database. 200 cases' detention timers fall
 * due at the same second; the first node to run them is killed (SIGKILL) while it runs them. The jobs it
 * had locked stay locked until their lock expires ({@code lock-time-in-millis}, 60 s); the other node must
 * then take them over, and every timer must run once, every notice be mailed once, and no case be lost.
 *
 * <p>Why the first node to run timers and not always node A: an idle job executor polls only every 10 s
 * ({@code max-wait}), so one node may sleep through the whole burst while the other runs it; killing the
 * sleeper would test nothing.
 *
 * <p>This JVM seeds and observes through a third Habeas context on the same database, without job
 * executor or web server. The nodes' output is in {@code target/cluster/}, the figures in
 * {@code target/cluster/figures.md} (copied to docs/CLUSTER.md).
 */
@DisabledIfSystemProperty(named = "habeas.test.database", matches = "postgres",
    disabledReason = "runs on PostgreSQL anyway; the on-postgresql execution would only run it a second time")
class ClusterTest {

  private static final int CASES = 200;
  /** camunda.bpm.job-execution.lock-time-in-millis of application.yaml, which the nodes run with. */
  private static final Duration LOCK_TIME = Duration.ofSeconds(60);
  /** The detention limit of a Kazakh administrative detention (processes/detention-limit.dmn). */
  private static final Duration DETENTION_LIMIT = Duration.ofHours(3);
  /** The timers fall due this long after seeding starts: time to seed (13–31 s on 2 cores), and then some. */
  private static final Duration TIME_TO_DUE = Duration.ofSeconds(45);
  /** A node is killed once it has run this many detention timers: it is taking them, and holds more. */
  private static final int TIMERS_RUN_BEFORE_KILL = 3;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);

  /** A fixed test key (32 bytes, Base64): every node must read the others' sealed personal data. */
  private static final String DATA_KEY = "aGFiZWFzLWNsdXN0ZXItdGVzdC1rZXktMzItYnl0ZXM=";
  private static final String TIMER = "Timer_DetentionLimit";
  private static final String FLAG = "FlagDetentionOverdue";
  private static final String NOTICE = "DETENTION_LIMIT_PASSED";
  private static final String NOTICE_SUBJECT = "held beyond the legal limit";
  private static final List<String> LAWYERS = List.of("lawyer1", "lawyer2");
  private static final Path DIR = Path.of("target", "cluster");

  private static Instant began;
  private static GreenMail smtp;
  private static ConfigurableApplicationContext observer;
  private static final List<Node> nodes = new ArrayList<>();
  private static Node nodeA;
  private static Node nodeB;

  private static RuntimeService runtime;
  private static HistoryService history;
  private static ManagementService management;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startCluster() throws Exception {
    began = Instant.now();
    Files.createDirectories(DIR);
    smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String database = TestPostgres.newDatabase("habeas_cluster_" + System.currentTimeMillis());
    Map<String, String> shared = new LinkedHashMap<>();
    shared.put("spring.profiles.active", "postgres");
    shared.put("spring.datasource.url", database);
    shared.put("spring.datasource.username", "postgres");
    shared.put("spring.datasource.password", "postgres");
    shared.put("spring.mail.host", "localhost");
    shared.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    shared.put("habeas.data-key", DATA_KEY);
    shared.put("habeas.admin-password", "cluster-test-administrator-password");
    shared.put("spring.main.banner-mode", "off");

    // First the observer: it creates the schema, deployments, groups and users before any node starts.
    observer = startObserver(shared);
    runtime = observer.getBean(RuntimeService.class);
    history = observer.getBean(HistoryService.class);
    management = observer.getBean(ManagementService.class);
    jdbc = new JdbcTemplate(observer.getBean(DataSource.class));
    createStaff(observer.getBean(IdentityService.class));

    nodeA = startNode("node-a", shared);
    nodeB = startNode("node-b", shared);
    nodeA.waitUntilReady(Duration.ofMinutes(3));
    nodeB.waitUntilReady(Duration.ofMinutes(3));
    System.out.printf("Cluster up in %d s: %s, %s%n", secondsSince(began), nodeA, nodeB);
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(Node::stop);
    if (observer != null) {
      observer.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aNodeDiesWhileTheTimersFire_theOtherTakesItsJobsOver_andEveryTimerRunsAndMailsExactlyOnce() throws Exception {
    // 1. 200 cases whose detention timers all fall due at the same second. Their timer jobs are created
    //    on hold (suspended), so that none can fire before all 200 exist, should seeding overrun the due time.
    Instant seedingStarted = Instant.now();
    Instant plannedDue = seedingStarted.plus(TIME_TO_DUE).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> lawyerOfCase;
    holdTimers(true);
    try {
      lawyerOfCase = seed(plannedDue.minus(DETENTION_LIMIT));
    } finally {
      holdTimers(false);
    }
    Instant seeded = Instant.now();
    Instant due = seeded.isAfter(plannedDue) ? seeded : plannedDue;
    System.out.printf("Seeded %d cases in %d s; their timers fall due at %s, %d s after seeding ended%n", CASES,
        Duration.between(seedingStarted, seeded).toSeconds(), plannedDue, Duration.between(seeded, plannedDue).toSeconds());
    List<Job> timers = management.createJobQuery().activityId(TIMER).list();
    assertThat(timers).as("detention timers waiting, none on hold").hasSize(CASES)
        .allSatisfy(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(plannedDue))
        .noneMatch(Job::isSuspended);
    Set<String> caseIds = lawyerOfCase.keySet().stream().map(this::processInstanceOf).collect(toSet());

    // 2. the timers fall due; the first node to run them dies while it runs them
    waitUntil(due);
    Kill kill = killTheFirstNodeToRunTimers(due);
    Node survivor = kill.survivor();
    List<LockedJob> lockedAtKill = lockedJobs();
    Set<String> mailedBeforeKill = mailsPerCaseAndRecipient(NOTICE_SUBJECT).keySet();
    System.out.printf("Killed %s %d ms after the due time; jobs locked then: %s%n", kill.victim().name,
        Duration.between(due, kill.at()).toMillis(), lockedAtKill.stream()
            .collect(groupingBy(LockedJob::owner, TreeMap::new, counting())));

    // 3. everything drains on the other node
    waitForDrain(due, lawyerOfCase.size(), survivor);
    assertThat(survivor.isAlive()).as(survivor.name + " still running").isTrue();

    // 4. exactly once, nothing lost
    Map<String, Long> timerRuns = successfulJobs(TIMER).stream()
        .collect(groupingBy(HistoricJobLog::getProcessInstanceId, counting()));
    assertThat(timerRuns.keySet()).as("cases whose detention timer job ran").isEqualTo(caseIds);
    assertThat(timerRuns).as("detention timer jobs run per case (more than 1 = ran twice)")
        .allSatisfy((caseId, runs) -> assertThat(runs).as(caseId).isEqualTo(1));
    assertOncePerCase(TIMER, caseIds);
    assertOncePerCase(FLAG, caseIds);

    List<HistoricProcessInstance> notices = history.createHistoricProcessInstanceQuery().processDefinitionKey("notice")
        .variableValueEquals("notice", NOTICE).list();
    Map<String, Long> noticesPerCase = notices.stream()
        .collect(groupingBy(HistoricProcessInstance::getBusinessKey, counting()));
    assertThat(noticesPerCase.keySet()).as("cases with a " + NOTICE + " notice").isEqualTo(lawyerOfCase.keySet());
    assertThat(noticesPerCase).as(NOTICE + " notice instances per case")
        .allSatisfy((caseNumber, count) -> assertThat(count).as(caseNumber).isEqualTo(1));
    assertThat(notices).as("notice instances ended (mail sent)")
        .allSatisfy(notice -> assertThat(notice.getState()).as(notice.getBusinessKey()).isEqualTo("COMPLETED"));

    Map<String, Map<String, Long>> mails = mailsPerCaseAndRecipient(NOTICE_SUBJECT);
    assertThat(mails.keySet()).as("cases whose '" + NOTICE_SUBJECT + "' mail arrived").isEqualTo(lawyerOfCase.keySet());
    mails.forEach((caseNumber, perRecipient) -> {
      assertThat(perRecipient.keySet()).as("recipients of the mail of " + caseNumber)
          .containsExactlyInAnyOrder("coordinator@habeas.test", "manager@habeas.test",
              lawyerOfCase.get(caseNumber) + "@habeas.test");
      assertThat(perRecipient).as("mails per recipient of " + caseNumber + " (more than 1 = sent twice"
              + (mailedBeforeKill.contains(caseNumber) ? "; its mail had arrived before " + kill.victim().name
              + " was killed: it died between sending and recording it, and " + survivor.name + " sent it again" : "")
              + ")")
          .allSatisfy((recipient, count) -> assertThat(count).as(recipient).isEqualTo(1));
    });
    List<Map<String, Object>> duplicateRecords = jdbc.queryForList("SELECT case_number, recipient, COUNT(*) AS n"
        + " FROM notification WHERE notice = ? GROUP BY case_number, recipient HAVING COUNT(*) > 1", NOTICE);
    assertThat(duplicateRecords).as("table notification: a case's notice recorded twice for a recipient").isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE notice = ?", Long.class, NOTICE))
        .as("table notification: " + NOTICE + " rows").isEqualTo(3L * CASES);

    assertThat(runtime.createIncidentQuery().list()).as("open incidents").isEmpty();
    assertThat(history.createHistoricIncidentQuery().list()).as("incidents, open or resolved").isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("detention-response").list())
        .as("cases still running").extracting(ProcessInstance::getId).containsExactlyInAnyOrderElementsOf(caseIds);
    assertThat(runtime.createExecutionQuery().activityId("ReleasedLate").list())
        .as("cases waiting at 'Detainee released late'").extracting(Execution::getProcessInstanceId)
        .containsExactlyInAnyOrderElementsOf(caseIds);

    Takeover takeover = takeover(lockedAtKill);
    assertThat(takeover.heldByVictim()).as("jobs " + kill.victim().name + " had locked when killed, each run once, by "
            + survivor.name + ", after its lock expired").allSatisfy(job -> assertThat(takeover.runOf().get(job.id()))
        .as(job.id()).isNotNull().extracting(HistoricJobLog::getHostname).isEqualTo(survivor.name));

    // 5. the figures
    report(due, kill, takeover, notices, seedingStarted, seeded);
  }

  // --- the cluster ---------------------------------------------------------------------------------------

  private static ConfigurableApplicationContext startObserver(Map<String, String> shared) {
    Map<String, String> properties = new LinkedHashMap<>(shared);
    properties.remove("spring.profiles.active");
    properties.put("camunda.bpm.process-engine-name", "clusterObserver");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("camunda.bpm.generic-properties.properties.hostname", "observer");
    properties.put("spring.main.web-application-type", "none");
    properties.put("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    properties.put("logging.level.root", "WARN");
    return new SpringApplicationBuilder(HabeasApplication.class).profiles("postgres")
        .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
  }

  private static Node startNode(String name, Map<String, String> shared) {
    Map<String, String> properties = new LinkedHashMap<>(shared);
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // the job log (ACT_HI_JOB_LOG.HOSTNAME_) then tells which node ran a job
    properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    Node node = Node.start(name, properties, DIR);
    nodes.add(node);
    return node;
  }

  /** The people the detention-limit notice goes to: coordinators, managers and the case's lawyer. */
  private static void createStaff(IdentityService identity) {
    Map<String, List<String>> staff = Map.of(
        "coordinator", List.of(Groups.COORDINATORS),
        "manager", List.of(Groups.MANAGERS),
        "lawyer1", List.of(Groups.LAWYERS, "duty"),
        "lawyer2", List.of(Groups.LAWYERS));
    staff.forEach((id, groups) -> {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("(cluster test)");
      user.setEmail(id + "@habeas.test");
      user.setPassword(id + "-cluster-test-password");
      identity.saveUser(user);
      groups.forEach(group -> identity.createMembership(id, group));
    });
  }

  // --- the scenario ---------------------------------------------------------------------------------------

  /** Opens the cases (4 at a time) and assigns each a lawyer; returns case number → lawyer. */
  private Map<String, String> seed(Instant apprehendedAt) throws Exception {
    TaskService tasks = observer.getBean(TaskService.class);
    String apprehended = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(apprehendedAt.atOffset(ZoneOffset.ofHours(5)));
    ExecutorService seeders = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map.Entry<String, String>>> cases = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        String lawyer = LAWYERS.get(i % LAWYERS.size());
        int n = i;
        cases.add(seeders.submit(() -> {
          ProcessInstance instance = runtime.startProcessInstanceByKey("detention-response", alert(n, apprehended));
          String assign = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("AssignLawyer")
              .singleResult().getId();
          tasks.complete(assign, Map.of("lawyer", lawyer));
          return Map.entry(instance.getBusinessKey(), lawyer);
        }));
      }
      Map<String, String> lawyerOfCase = new TreeMap<>();
      for (Future<Map.Entry<String, String>> opened : cases) {
        Map.Entry<String, String> entry = opened.get();
        lawyerOfCase.put(entry.getKey(), entry.getValue());
      }
      return lawyerOfCase;
    } finally {
      seeders.shutdownNow();
    }
  }

  /** Puts the detention timers' job definition on hold (new timer jobs are created suspended) or releases it. */
  private static void holdTimers(boolean hold) {
    for (JobDefinition timer : management.createJobDefinitionQuery().processDefinitionKey("detention-response")
        .activityIdIn(TIMER).list()) {
      if (hold) {
        management.suspendJobDefinitionById(timer.getId());
      } else {
        management.activateJobDefinitionById(timer.getId(), true);
      }
    }
  }

  /** An administrative detention in Kazakhstan, apprehended at the given time. */
  private static VariableMap alert(int n, String apprehendedAt) {
    return Variables.putValue("jurisdiction", "KZ")
        .putValue("reportedBy", "hotline volunteer")
        .putValue("location", "Astana")
        .putValue("placeOfDetention", "Police precinct " + n)
        .putValue("apprehendedAt", apprehendedAt)
        .putValue("proceeding", "ADMINISTRATIVE")
        .putValue("suspectedOffence", "Art. 434(1) CoAO (petty hooliganism)")
        .putValue("summary", "Cluster test case " + n)
        .putValue("defenderName", "Defender " + n)
        .putValue("organisation", "Test organisation");
  }

  private String processInstanceOf(String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("detention-response")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  /** The node killed, when, and the one left. */
  private record Kill(Node victim, Node survivor, Instant at) {
  }

  /** Kills the first node that the job log shows to have run a few detention timers. */
  private Kill killTheFirstNodeToRunTimers(Instant due) throws InterruptedException {
    Instant giveUp = due.plusSeconds(60);
    while (Instant.now().isBefore(giveUp)) {
      for (Node node : nodes) {
        if (history.createHistoricJobLogQuery().successLog().activityIdIn(TIMER).hostname(node.name).count()
            >= TIMERS_RUN_BEFORE_KILL) {
          node.kill();
          Instant at = Instant.now();
          return new Kill(node, nodes.stream().filter(other -> other != node).findFirst().orElseThrow(), at);
        }
      }
      Thread.sleep(50);
    }
    return fail("no node ran a detention timer within 60 s of the due time; " + diagnosis(nodeA) + "\n"
        + diagnosis(nodeB));
  }

  /** A job locked by a job executor when the node died. */
  private record LockedJob(String id, String owner, Instant lockExpires, String process) {
  }

  private List<LockedJob> lockedJobs() {
    return jdbc.query("SELECT ID_, LOCK_OWNER_, LOCK_EXP_TIME_, PROCESS_DEF_KEY_ FROM ACT_RU_JOB"
            + " WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > ?",
        (rs, i) -> new LockedJob(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
        new java.sql.Timestamp(System.currentTimeMillis()));
  }

  /** Waits until every case passed FlagDetentionOverdue, no job is left and all mails arrived. */
  private void waitForDrain(Instant due, int cases, Node survivor) throws InterruptedException {
    Instant giveUp = due.plus(DRAIN_TIMEOUT);
    Instant nextProgress = Instant.now();
    while (Instant.now().isBefore(giveUp)) {
      long flagged = history.createHistoricActivityInstanceQuery().activityId(FLAG).finished().count();
      long timersLeft = management.createJobQuery().activityId(TIMER).count();
      long noticeJobsLeft = management.createJobQuery().processDefinitionKey("notice").count();
      if (flagged >= cases && timersLeft == 0 && noticeJobsLeft == 0
          && mailCount(NOTICE_SUBJECT) >= 3L * cases) {
        return;
      }
      if (!Instant.now().isBefore(nextProgress)) {
        System.out.printf("  +%3d s after due: %d/%d flagged, %d timers and %d notice jobs left, locks: %s%n",
            secondsSince(due), flagged, cases, timersLeft, noticeJobsLeft, lockedJobs().stream()
                .collect(groupingBy(LockedJob::owner, TreeMap::new, counting())));
        nextProgress = Instant.now().plusSeconds(5);
      }
      Thread.sleep(500);
    }
    fail("not drained " + DRAIN_TIMEOUT + " after the due time: "
        + history.createHistoricActivityInstanceQuery().activityId(FLAG).finished().count() + "/" + cases
        + " flagged, jobs left: " + management.createJobQuery().list().stream()
        .map(job -> job.getProcessDefinitionKey() + "/" + job.getId() + " retries " + job.getRetries()
            + " " + Objects.toString(job.getExceptionMessage(), "")).toList()
        + ", locks: " + lockedJobs() + "; " + diagnosis(survivor));
  }

  /** What a node and the database are doing: for failure messages. */
  private static String diagnosis(Node node) {
    String sessions = jdbc.queryForList("SELECT pid, application_name, state, wait_event_type, wait_event,"
            + " EXTRACT(EPOCH FROM now() - xact_start)::int AS transaction_seconds, LEFT(query, 120) AS query"
            + " FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'").stream()
        .map(Object::toString).collect(Collectors.joining("\n  "));
    return "thread dump of " + node.name + ": " + node.threadDump() + "; busy database sessions:\n  " + sessions
        + "\n" + node.name + "'s log " + node.log + " ends with:\n" + node.tail(30);
  }

  private static void waitUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  // --- what happened --------------------------------------------------------------------------------------

  private static void assertOncePerCase(String activityId, Set<String> caseIds) {
    List<HistoricActivityInstance> passed = history.createHistoricActivityInstanceQuery().activityId(activityId)
        .finished().list();
    Map<String, Long> perCase = passed.stream()
        .collect(groupingBy(HistoricActivityInstance::getProcessInstanceId, counting()));
    assertThat(perCase.keySet()).as("cases that passed " + activityId).isEqualTo(caseIds);
    assertThat(perCase).as("times each case passed " + activityId)
        .allSatisfy((caseId, times) -> assertThat(times).as(caseId).isEqualTo(1));
  }

  /** Successful runs of the jobs of an activity (the job log), across all nodes. */
  private static List<HistoricJobLog> successfulJobs(String activityId) {
    return history.createHistoricJobLogQuery().successLog().activityIdIn(activityId).list();
  }

  /** case number → recipient → how many mails with the subject words reached GreenMail. */
  private static Map<String, Map<String, Long>> mailsPerCaseAndRecipient(String subjectWords) {
    Map<String, Map<String, Long>> mails = new TreeMap<>();
    for (GreenMailUser user : smtp.getManagers().getUserManager().listUser()) {
      // a copy taken under the inbox's lock: mails keep arriving while the test counts
      for (StoredMessage stored : inboxOf(user).getNonDeletedMessages()) {
        String subject = subjectOf(stored);
        if (subject != null && subject.contains(subjectWords)) {
          // "[Habeas] KZ-2026-00001: held beyond the legal limit"
          String caseNumber = subject.substring(subject.indexOf(']') + 2, subject.indexOf(':'));
          mails.computeIfAbsent(caseNumber, c -> new TreeMap<>()).merge(user.getEmail(), 1L, Long::sum);
        }
      }
    }
    return mails;
  }

  private static long mailCount(String subjectWords) {
    return mailsPerCaseAndRecipient(subjectWords).values().stream().flatMap(m -> m.values().stream())
        .mapToLong(Long::longValue).sum();
  }

  private static MailFolder inboxOf(GreenMailUser user) {
    try {
      return smtp.getManagers().getImapHostManager().getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException("GreenMail has no inbox for " + user.getEmail(), e);
    }
  }

  private static String subjectOf(StoredMessage stored) {
    try {
      return stored.getMimeMessage().getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException("GreenMail holds an unreadable message", e);
    }
  }

  /** The jobs the killed node had locked when it died, and each one's successful run (by job id). */
  private record Takeover(List<LockedJob> heldByVictim, Map<String, HistoricJobLog> runOf) {
  }

  /**
   * Which of the jobs locked at the kill were the killed node's: those run only once their lock had expired (a
   * live node runs the jobs it locks within moments; a dead one's wait for the lock to expire).
   */
  private static Takeover takeover(List<LockedJob> lockedAtKill) {
    Map<String, HistoricJobLog> runOf = history.createHistoricJobLogQuery().successLog().list().stream()
        .collect(Collectors.toMap(HistoricJobLog::getJobId, log -> log, (a, b) -> a));
    Set<String> victimOwners = lockedAtKill.stream()
        .filter(job -> runOf.containsKey(job.id())
            && !runOf.get(job.id()).getTimestamp().toInstant().isBefore(job.lockExpires().minusSeconds(1)))
        .map(LockedJob::owner).collect(toSet());
    assertThat(victimOwners).as("lock owners whose jobs waited for their lock to expire (the killed node's job"
        + " executor)").hasSize(1);
    return new Takeover(lockedAtKill.stream().filter(job -> victimOwners.contains(job.owner())).toList(), runOf);
  }

  private void report(Instant due, Kill kill, Takeover takeover, List<HistoricProcessInstance> notices,
                      Instant seedingStarted, Instant seeded) throws IOException {
    List<HistoricJobLog> timerRuns = successfulJobs(TIMER);
    Set<String> noticeIds = notices.stream().map(HistoricProcessInstance::getId).collect(toSet());
    List<HistoricJobLog> mailRuns = successfulJobs("MailNotice").stream()
        .filter(log -> noticeIds.contains(log.getProcessInstanceId())).toList();
    Instant lastJob = timerRuns.stream().map(log -> log.getTimestamp().toInstant()).max(Instant::compareTo)
        .orElseThrow();
    for (HistoricJobLog mail : mailRuns) {
      Instant at = mail.getTimestamp().toInstant();
      lastJob = at.isAfter(lastJob) ? at : lastJob;
    }
    Instant firstTimer = timerRuns.stream().map(log -> log.getTimestamp().toInstant()).min(Instant::compareTo)
        .orElseThrow();

    Instant killed = kill.at();
    List<LockedJob> heldByVictim = takeover.heldByVictim();
    Map<String, HistoricJobLog> runOf = takeover.runOf();
    Map<String, Long> takenOverBy = heldByVictim.stream()
        .collect(groupingBy(job -> runOf.get(job.id()).getHostname(), TreeMap::new, counting()));
    Instant lastLockExpiry = heldByVictim.stream().map(LockedJob::lockExpires).max(Instant::compareTo).orElse(killed);
    Instant lastTakeover = heldByVictim.stream().map(job -> runOf.get(job.id()).getTimestamp().toInstant())
        .max(Instant::compareTo).orElse(killed);

    Map<String, Long> timersPerNode = timerRuns.stream()
        .collect(groupingBy(HistoricJobLog::getHostname, TreeMap::new, counting()));
    Map<String, Long> mailsPerNode = mailRuns.stream()
        .collect(groupingBy(HistoricJobLog::getHostname, TreeMap::new, counting()));
    long failures = history.createHistoricJobLogQuery().failureLog().count();

    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String figures = String.join("\n",
        "| Figure | Value |",
        "|---|---|",
        "| Machine | " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
            + Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024) + " GB RAM, " + System.getProperty("os.name")
            + ", Java " + Runtime.version().feature() + ", PostgreSQL 16 (embedded, same machine) |",
        "| Nodes | 2 JVMs (-Xmx512m), job executor as in application.yaml (lock " + LOCK_TIME.toSeconds()
            + " s, 3–6 threads, queue 6, 3 jobs per acquisition, idle wait up to 10 s) |",
        "| Cases seeded | " + CASES + " in " + Duration.between(seedingStarted, seeded).toSeconds()
            + " s (4 threads, one lawyer assigned each) |",
        "| Timers due | " + CASES + " at the same second |",
        "| Timers run | " + timerRuns.size() + " (per node: " + timersPerNode + ") |",
        "| Detention-limit mails run | " + mailRuns.size() + " jobs, " + mailCount(NOTICE_SUBJECT)
            + " deliveries (per node: " + mailsPerNode + ") |",
        "| Duplicates | 0 timers, 0 notices, 0 mails, 0 notification rows |",
        "| Incidents | 0 (failed job runs logged: " + failures + ") |",
        "| Node killed | " + kill.victim().name + ", " + Duration.between(due, killed).toMillis()
            + " ms after the due time, when it had run " + timersPerNode.getOrDefault(kill.victim().name, 0L) + " timers |",
        "| Jobs locked by it when killed | " + heldByVictim.size() + " (" + heldByVictim.stream()
            .collect(groupingBy(LockedJob::process, TreeMap::new, counting())) + "), taken over by " + takenOverBy + " |",
        "| Their locks expired | " + Duration.between(killed, lastLockExpiry).toSeconds() + " s after the kill |",
        "| Last of them done | " + Duration.between(killed, lastTakeover).toSeconds() + " s after the kill |",
        "| First timer run | " + Duration.between(due, firstTimer).toMillis() + " ms after the due time |",
        "| Due → all drained (last job done) | " + Duration.between(due, lastJob).toSeconds() + " s |",
        "| Kill → last job done | " + Duration.between(killed, lastJob).toSeconds() + " s |",
        "| Whole test (PostgreSQL, 3 Habeas starts, seeding, drain) | " + secondsSince(began) + " s |");
    System.out.println("\nCluster figures\n" + figures + "\n");
    Files.writeString(DIR.resolve("figures.md"), figures + "\n", StandardCharsets.UTF_8);
  }

  private static String cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU";
    }
  }

  private static long secondsSince(Instant instant) {
    return Duration.between(instant, Instant.now()).toSeconds();
  }
}
