package org.habeas.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.habeas.bench.HttpProbe.Latencies;
import org.habeas.bench.HttpProbe.Scenario;
import org.habeas.tasklist.MyTasksFilter;

/**
 * A mass-detention surge on one machine (issue 7): starts Habeas in this JVM on a fresh database (H2
 * file, or PostgreSQL with {@code -Dbench.database=postgres}) and
 * <ol>
 *   <li>drives {@code bench.lifecycles} cases from alert to closed through the engine's Java API, then the
 *       same wait states on a raw Camunda engine in this JVM (no Habeas code), and compares the two; then
 *       {@code bench.httpLifecycles} over HTTP as Habeas' users drive them;</li>
 *   <li>files {@code bench.alerts} alerts through {@code POST /api/alerts} with {@code bench.clients}
 *       concurrent clients;</li>
 *   <li>with those cases open, times the case list, a lawyer's Tasklist query and one case;</li>
 *   <li>reports peak heap and database sizes,</li>
 * </ol>
 * and prints a Markdown report. Exits 1 if a call failed. See docs/BENCHMARKS.md.
 */
public final class SurgeBenchmark {

  static final double INTAKE_SECONDS_TARGET = 60;
  static final double INTAKE_P95_TARGET_MS = 250;
  static final double QUERY_P95_TARGET_MS = 150;
  static final double LIFECYCLE_RATIO_TARGET = 0.5;
  static final long HEAP_TARGET_BYTES = 1L << 30;
  /** Habeas and the raw engine take turns at the lifecycles in this many rounds. */
  static final int ROUNDS = 4;

  private final String databaseKind = System.getProperty("bench.database", "h2");
  private final int alerts = Integer.getInteger("bench.alerts", 10_000);
  private final int lifecycles = Integer.getInteger("bench.lifecycles", 2_000);
  private final int httpLifecycles = Integer.getInteger("bench.httpLifecycles", 500);
  private final int clients = Integer.getInteger("bench.clients", 8);
  private final int warmUpCases = Integer.getInteger("bench.warmupCases", 50);
  private final int calls = Integer.getInteger("bench.calls", 500);
  private final int warmUpCalls = Integer.getInteger("bench.warmup", 100);
  private final int queryClients = Integer.getInteger("bench.queryClients", 4);
  private final Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
  private final HeapWatch heap = new HeapWatch();
  private final StringBuilder report = new StringBuilder();
  private int failures;
  private Load.Result intakeResult;
  private double worstQueryP95;

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = new SurgeBenchmark().run();
    } catch (Throwable e) {
      e.printStackTrace();
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  private int run() throws Exception {
    machine();
    BenchDatabase habeasDb = BenchDatabase.fresh(databaseKind, dir, "habeas");
    BenchDatabase rawDb = BenchDatabase.fresh(databaseKind, dir, "raw");
    try (HabeasServer habeas = HabeasServer.start(habeasDb)) {
      Http http = new Http(habeas.baseUri());
      progress("Habeas runs on %s (%s)", habeas.baseUri(), habeasDb.describe());
      double ratio = lifecycles(habeas, http, rawDb);
      List<String> opened = intake(http);
      drainJobs(habeas.bean(ManagementService.class));
      assignEveryThird(habeas, opened);
      queries(habeas, http, opened);
      sizes(habeasDb, rawDb);
      targets(ratio);
    }
    System.out.print(report);
    return failures > 0 ? 1 : 0;
  }

  /**
   * Items 2 and 5: cases from alert to closed on Habeas through the engine's Java API and on the raw engine
   * through the same API, taking turns in {@link #ROUNDS} rounds, which gives the ratio; then over HTTP as
   * Habeas' users drive them.
   */
  private double lifecycles(HabeasServer habeas, Http http, BenchDatabase rawDb) throws Exception {
    Instant now = Instant.now();
    Load.Result javaApi;
    Load.Result raw;
    try (RawEngine engine = new RawEngine(rawDb, habeas.bean(CamundaBpmProperties.class).getJobExecution(),
        habeas.bean(HikariDataSource.class).getMaximumPoolSize())) {
      progress("Lifecycles: %d warm-up cases on each, then %,d cases with %d clients on Habeas and on the raw engine"
          + " (%s), in turns of %d rounds", warmUpCases, lifecycles, clients, rawDb.describe(), ROUNDS);
      HabeasEngineCases engineCases = new HabeasEngineCases(habeas);
      engineCases.drive(1_000_000, warmUpCases, clients, now);
      engine.drive(1_000_000, warmUpCases, clients, now);
      List<Load.Result> results = Load.inTurns(lifecycles, clients, ROUNDS,
          List.of(engineCases.lifecycle(2_000_000, now), engine.lifecycle(2_000_000, now)));
      javaApi = results.get(0);
      raw = results.get(1);
    }
    progress("... and %,d on Habeas over HTTP", httpLifecycles);
    HabeasCases httpCases = new HabeasCases(http);
    httpCases.drive(3_000_000, warmUpCases, clients, now);
    Load.Result overHttp = httpCases.drive(4_000_000, httpLifecycles, clients, now);
    double ratio = javaApi.perSecond() / raw.perSecond();
    report.append("\n### Cases from alert to closed (11 wait states and 2 asynchronous steps each)\n\n");
    table("case", List.of(new Row("Habeas, Java API as the users", javaApi),
        new Row("raw Camunda engine, Java API", raw),
        new Row("Habeas over HTTP (`/api`, `/engine-rest`) as the users", overHttp)));
    report.append(String.format(Locale.ROOT, "%nThrough the same API Habeas runs **%.2f×** the raw engine's throughput; "
        + "over HTTP %.2f×.%n", ratio, overHttp.perSecond() / raw.perSecond()));
    failures += javaApi.failures() + raw.failures() + overHttp.failures();
    return ratio;
  }

  private List<String> intake(Http http) throws Exception {
    progress("Intake: %,d alerts with %d clients", alerts, clients);
    Instant now = Instant.now();
    HabeasCases cases = new HabeasCases(http);
    List<String> opened = new CopyOnWriteArrayList<>();
    Load.Result result = Load.run(alerts, clients, n -> opened.add(cases.open(n, CaseLifecycle.surgeAlert(n, now))));
    intakeResult = result;
    report.append("\n### Intake: `POST /api/alerts`, one detainee per alert\n\n");
    table("alert", List.of(new Row("`POST /api/alerts` as coordinator", result)));
    failures += result.failures();
    return opened;
  }

  /** Waits until the notices and due timers of the surge have run, so that queries meet a steady state. */
  private void drainJobs(ManagementService management) throws InterruptedException {
    long start = System.nanoTime();
    while (management.createJobQuery().executable().count() > 0) {
      Thread.sleep(500);
    }
    report.append(String.format(Locale.ROOT, "%nThe jobs of the surge (a notice per case, the timers already due) "
        + "ran out %.1f s after the last alert.%n", (System.nanoTime() - start) / 1e9));
  }

  /**
   * Every third surge case goes to lawyer1, as a coordinator would assign it: the setup of the queries, timed
   * for the record (each assignment completes a task with 10,000 open).
   */
  private void assignEveryThird(HabeasServer habeas, List<String> opened) throws Exception {
    HabeasEngineCases cases = new HabeasEngineCases(habeas);
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < opened.size(); i += 3) {
      mine.add(opened.get(i));
    }
    Load.Result assigned = Load.run(mine.size(), 4, n -> {
      cases.pass(mine.get(n), CaseLifecycle.ASSIGN_LAWYER1);
      return true;
    });
    progress("Assigned %,d cases to lawyer1", mine.size());
    report.append(String.format(Locale.ROOT, "%nThen %,d of the open cases were assigned to lawyer1 (a task found and "
        + "completed as the coordinator, 4 clients): %.1f s, %.0f/s, p95 %.0f ms.%n", mine.size(), assigned.seconds(),
        assigned.perSecond(), assigned.p95()));
    failures += assigned.failures();
  }

  private void queries(HabeasServer habeas, Http http, List<String> opened) throws Exception {
    FilterService filters = habeas.bean(FilterService.class);
    String myTasks = filters.createFilterQuery().filterName(MyTasksFilter.NAME).singleResult().getId();
    String allTasks = filters.createFilterQuery().filterName("All tasks").singleResult().getId();
    List<Scenario> scenarios = List.of(
        new Scenario("`GET /api/cases?status=open` first page", "coordinator",
            n -> "/api/cases?status=open&page=0&size=50", true),
        new Scenario("`GET /api/cases?status=open` first page, own cases", "lawyer1",
            n -> "/api/cases?status=open&page=0&size=50", true),
        new Scenario("`GET /api/cases?overdue=true` first page", "manager",
            n -> "/api/cases?overdue=true&page=0&size=50", true),
        new Scenario("Tasklist, \"My tasks\": `GET /engine-rest/filter/{id}/list`, 15 tasks", "lawyer1",
            n -> "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=15", true),
        new Scenario("`GET /api/cases/{n}`, random case", "coordinator",
            n -> "/api/cases/" + opened.get(new SplittableRandom(n).nextInt(opened.size())), true),
        // not a target of issue 7, which asks for a lawyer's Tasklist: every open task is a coordinator's to see
        new Scenario("Tasklist, \"All tasks\": `GET /engine-rest/filter/{id}/list`, 15 tasks", "coordinator",
            n -> "/engine-rest/filter/" + allTasks + "/list?firstResult=0&maxResults=15", false));
    progress("Queries with %,d open cases", opened.size());
    HttpProbe probe = new HttpProbe(http);
    List<Latencies> results = new ArrayList<>();
    for (int c : queryClients > 1 ? new int[] {1, queryClients} : new int[] {1}) {
      for (Scenario scenario : scenarios) {
        results.add(probe.measure(scenario, warmUpCalls, calls, c));
      }
    }
    report.append(String.format(Locale.ROOT, "%n### Queries with %,d open cases%n%n", opened.size() + 3));
    report.append("| call | user | clients | calls | matching | p50 ms | p95 ms | p99 ms | max ms | calls/s | failed |\n");
    report.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Latencies l : results) {
      Load.Result r = l.result();
      report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n",
          l.scenario().name(), l.scenario().user(), r.clients(), r.calls(),
          l.totalCount() < 0 ? "" : String.format("%,d", l.totalCount()), r.p50(), r.p95(), r.p99(), r.max(),
          r.perSecond(), r.failures()));
      failures += r.failures();
    }
    worstQueryP95 = results.stream().filter(l -> l.result().clients() == 1 && l.scenario().target())
        .mapToDouble(l -> l.result().p95()).max().orElse(Double.NaN);
  }

  private void sizes(BenchDatabase habeasDb, BenchDatabase rawDb) throws Exception {
    report.append(String.format(Locale.ROOT, "%nPeak heap: %s used (max heap %s); live data with the cases open: %s "
            + "(after a full GC); %,d collections, %.1f s in GC.%nDatabase: Habeas %s (%s), raw engine %s.%n",
        size(heap.peakUsed()), size(HeapWatch.maxHeap()), size(HeapWatch.live()), HeapWatch.collections(),
        HeapWatch.collectionMillis() / 1e3, size(habeasDb.bytes()), habeasDb.describe(), size(rawDb.bytes())));
  }

  private void targets(double ratio) {
    report.append("\n### Targets\n\n");
    double secondsFor10000 = intakeResult.seconds() * 10_000 / alerts;
    target("10,000 alerts in under 60 s", secondsFor10000 < INTAKE_SECONDS_TARGET,
        alerts == 10_000 ? "%.1f s" : "%.1f s at the rate of this run's " + alerts + " alerts", secondsFor10000);
    target("intake p95 under 250 ms", intakeResult.p95() < INTAKE_P95_TARGET_MS, "%.0f ms", intakeResult.p95());
    target("lifecycle at least half the raw engine's", ratio >= LIFECYCLE_RATIO_TARGET, "%.2f×", ratio);
    target("case list, lawyer's Tasklist and case p95 under 150 ms, one client", worstQueryP95 < QUERY_P95_TARGET_MS, "worst %.1f ms", worstQueryP95);
    target("peak heap under 1 GiB", heap.peakUsed() < HEAP_TARGET_BYTES, "%s", size(heap.peakUsed()));
  }

  private void target(String what, boolean met, String format, Object value) {
    report.append(String.format(Locale.ROOT, "- %s: " + format + " — %s%n", what, value, met ? "met" : "**MISSED**"));
  }

  private void machine() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    report.append(String.format(Locale.ROOT, "\n## Surge benchmark, %s, %s\n\nMachine: %d cores, %s RAM, %s, %s %s, "
            + "max heap %s. Settings: %,d alerts, %,d lifecycles (%,d over HTTP; +%d warm-up each), %d clients; %d query calls "
            + "(+%d warm-up), 1 and %d clients.%n",
        databaseKind, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
        Runtime.getRuntime().availableProcessors(), size(os.getTotalMemorySize()),
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), size(HeapWatch.maxHeap()), alerts, lifecycles, httpLifecycles,
        warmUpCases, clients, calls, warmUpCalls, queryClients));
  }

  private record Row(String what, Load.Result result) {
  }

  private void table(String unit, List<Row> rows) {
    report.append("| ").append(unit).append("s | clients | total s | ").append(unit)
        .append("s/s | p50 ms | p95 ms | p99 ms | max ms | failed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Load.Result r = row.result();
      report.append(String.format(Locale.ROOT, "| %,d, %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
          r.calls(), row.what(), r.clients(), r.seconds(), r.perSecond(), r.p50(), r.p95(), r.p99(), r.max(),
          r.failures()));
    }
  }

  private static void progress(String format, Object... args) {
    System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
  }

  static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
