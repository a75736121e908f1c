package org.habeas.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.habeas.bench.HttpProbe.Latencies;
import org.habeas.bench.HttpProbe.Scenario;

/**
 * The dashboard with 10,000 open cases: starts Habeas in this JVM on a fresh H2 file database, opens
 * the cases, times the case list and one case over HTTP and prints a Markdown report. Exits 1 if a call
 * failed. Settings (system properties): bench.cases, bench.threads, bench.calls, bench.warmup,
 * bench.clients, bench.jobs (job executor on), bench.dir. See docs/BENCHMARKS.md.
 */
public final class CaseListBenchmark {

  static final double LIST_P95_TARGET_MS = 150;
  static final long HEAP_TARGET_BYTES = 1L << 30;

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = run();
    } catch (Throwable e) {
      e.printStackTrace();
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  static int run() throws Exception {
    int cases = Integer.getInteger("bench.cases", 10_000);
    int threads = Integer.getInteger("bench.threads", 4);
    int calls = Integer.getInteger("bench.calls", 500);
    int warmUp = Integer.getInteger("bench.warmup", 100);
    int clients = Integer.getInteger("bench.clients", 4);
    boolean jobs = Boolean.getBoolean("bench.jobs");
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));

    HeapWatch heap = new HeapWatch();
    List<Latencies> results = new ArrayList<>();
    CaseSeeder.Seeded seeded;
    long databaseBytes;
    try (HabeasServer habeas = HabeasServer.start(dir, jobs)) {
      System.err.printf("Habeas runs on %s; opening %,d cases with %d threads%n", habeas.baseUri(), cases, threads);
      seeded = new CaseSeeder(habeas).seed(cases, threads, 3, "lawyer1");
      System.err.printf("Opened in %.1f s; measuring%n", seeded.took().toMillis() / 1e3);
      List<String> numbers = seeded.caseNumbers();
      List<Scenario> scenarios = List.of(
          new Scenario("`GET /api/cases?status=open` first page", "coordinator", n -> "/api/cases?status=open&page=0&size=50"),
          new Scenario("`GET /api/cases?status=open` first page, own cases", "lawyer1", n -> "/api/cases?status=open&page=0&size=50"),
          new Scenario("`GET /api/cases?overdue=true` first page", "manager", n -> "/api/cases?overdue=true&page=0&size=50"),
          new Scenario("`GET /api/cases/{n}`, random case", "coordinator",
              n -> "/api/cases/" + numbers.get(new SplittableRandom(n).nextInt(numbers.size()))));
      HttpProbe probe = new HttpProbe(habeas.baseUri());
      for (int c : clients > 1 ? new int[] {1, clients} : new int[] {1}) {
        for (Scenario scenario : scenarios) {
          results.add(probe.measure(scenario, warmUp, calls, c));
        }
      }
      databaseBytes = habeas.databaseBytes();
    }
    print(cases, threads, jobs, seeded, results, heap, databaseBytes, dir);
    return results.stream().anyMatch(r -> r.failures() > 0) ? 1 : 0;
  }

  private static void print(int cases, int threads, boolean jobs, CaseSeeder.Seeded seeded, List<Latencies> results,
                            HeapWatch heap, long databaseBytes, Path dir) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    StringBuilder out = new StringBuilder("\n## Case list benchmark\n\n");
    out.append(String.format(Locale.ROOT, "Machine: %d cores, %s RAM, %s, %s %s (%s), max heap %s; job executor %s.%n%n",
        Runtime.getRuntime().availableProcessors(), size(os.getTotalMemorySize()),
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
        size(HeapWatch.maxHeap()), jobs ? "on" : "off"));
    out.append(String.format(Locale.ROOT, "Seeding: %,d open cases (%,d assigned to lawyer1) through AlertIntake with %d threads in %.1f s = %.0f cases/s.%n%n",
        cases, seeded.assigned(), threads, seeded.took().toMillis() / 1e3, seeded.casesPerSecond()));
    out.append("| call | user | clients | calls | matching cases | p50 ms | p95 ms | p99 ms | max ms | calls/s | failed |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Latencies r : results) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n",
          r.scenario().name(), r.scenario().user(), r.clients(), r.calls(),
          r.totalCount() < 0 ? "" : String.format("%,d", r.totalCount()), r.p50(), r.p95(), r.p99(), r.max(),
          r.perSecond(), r.failures()));
    }
    double worstListP95 = results.stream().filter(r -> r.clients() == 1 && r.totalCount() >= 0)
        .mapToDouble(Latencies::p95).max().orElse(Double.NaN);
    out.append(String.format(Locale.ROOT, "%nPeak heap: %s used, %s just after a GC (max heap %s); %,d collections, %.1f s in GC.%n",
        size(heap.peakUsed()), size(heap.peakAfterGc()), size(HeapWatch.maxHeap()), HeapWatch.collections(),
        HeapWatch.collectionMillis() / 1e3));
    out.append(String.format(Locale.ROOT, "H2 database file: %s (%s).%n%n", size(databaseBytes), dir.resolve("habeas.mv.db")));
    out.append(String.format(Locale.ROOT, "Targets: case list p95 < %.0f ms (worst sequential: %.1f ms) %s; peak heap < 1 GiB %s.%n",
        LIST_P95_TARGET_MS, worstListP95, worstListP95 < LIST_P95_TARGET_MS ? "met" : "MISSED",
        heap.peakUsed() < HEAP_TARGET_BYTES ? "met" : "MISSED"));
    System.out.print(out);
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
