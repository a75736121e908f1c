package org.habeas.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code calls} numbered calls spread over {@code clients} threads and times each one. */
public final class Load {

  /** The {@code n}-th call; false (or an exception) counts it as failed. */
  @FunctionalInterface
  public interface Call {
    boolean run(int n) throws Exception;
  }

  /** Latencies in ms (nearest-rank percentiles) and throughput of one run; failed calls are timed too. */
  public record Result(int calls, int clients, double seconds, double p50, double p95, double p99, double max,
                       int failures) {
    public double perSecond() {
      return calls / seconds;
    }
  }

  private Load() {
  }

  public static Result run(int calls, int clients, Call call) throws Exception {
    long[] nanos = new long[calls];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            boolean ok;
            try {
              ok = call.run(i);
            } catch (Exception e) {
              ok = false;
              if (failures.get() < 3) {
                System.err.println("Call " + i + " failed: " + e);
              }
            }
            nanos[i] = System.nanoTime() - t0;
            if (!ok) {
              failures.incrementAndGet();
            }
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
    Arrays.sort(nanos);
    return new Result(calls, clients, seconds, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
        nanos[calls - 1] / 1e6, failures.get());
  }

  private static double ms(long[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
