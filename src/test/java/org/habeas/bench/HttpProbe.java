package org.habeas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Times GET calls of Habeas over HTTP, with HTTP Basic, after a warm-up; sequential or concurrent. */
public final class HttpProbe {

  /** A call to time: who makes it and the path of its {@code n}-th request. */
  public record Scenario(String name, String user, IntFunction<String> path) {
  }

  /** Latencies of one run in ms; calls answered other than 200 are timed too and counted in {@code failures}. */
  public record Latencies(Scenario scenario, int clients, int calls, double p50, double p95, double p99, double max,
                          double perSecond, int failures, long totalCount) {
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  public HttpProbe(URI base) {
    this.base = base;
  }

  /**
   * Runs {@code warmUp} untimed calls, then {@code calls} timed ones spread over {@code clients} threads.
   * The last X-Total-Count header seen is kept (how many cases a list matched).
   */
  public Latencies measure(Scenario scenario, int warmUp, int calls, int clients) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    AtomicLong totalCount = new AtomicLong(-1);
    for (int i = 0; i < warmUp; i++) {
      call(scenario, i, failures, totalCount);
    }
    long[] nanos = new long[calls];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            call(scenario, warmUp + i, failures, totalCount);
            nanos[i] = System.nanoTime() - t0;
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    return new Latencies(scenario, clients, calls, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
        sorted[calls - 1] / 1e6, calls / seconds, failures.get(), totalCount.get());
  }

  private void call(Scenario scenario, int n, AtomicInteger failures, AtomicLong totalCount) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(scenario.path().apply(n)))
        .header("Authorization", basic(scenario.user())).header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      if (failures.getAndIncrement() < 3) {
        System.err.printf("%s: %s -> %d %s%n", scenario.name(), request.uri(), response.statusCode(),
            new String(response.body(), StandardCharsets.UTF_8));
      }
      return;
    }
    response.headers().firstValueAsLong("X-Total-Count").ifPresent(totalCount::set);
  }

  /** Demo users have their user id as password. */
  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** Nearest-rank percentile, in ms. */
  private static double ms(long[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
