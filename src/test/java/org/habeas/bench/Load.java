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
    return inTurns(calls, clients, 1, List.of(call)).get(0);
  }

  /**
   * Runs {@code calls} calls of each load, the loads taking turns in {@code rounds} rounds (load 1, load 2,
   * …, then again), so that whatever else the machine does meanwhile weighs on all of them alike; each
   * result times its calls and sums the seconds of its rounds.
   */
  public static List<Result> inTurns(int calls, int clients, int rounds, List<Call> loads) throws Exception {
    long[][] nanos = new long[loads.size()][calls];
    double[] seconds = new double[loads.size()];
    int[] failures = new int[loads.size()];
    for (int round = 0; round < rounds; round++) {
      int from = calls * round / rounds;
      int to = calls * (round + 1) / rounds;
      for (int load = 0; load < loads.size(); load++) {
        long start = System.nanoTime();
        failures[load] += round(from, to, clients, loads.get(load), nanos[load]);
        seconds[load] += (System.nanoTime() - start) / 1e9;
      }
    }
    List<Result> results = new ArrayList<>();
    for (int load = 0; load < loads.size(); load++) {
      long[] sorted = nanos[load];
      Arrays.sort(sorted);
      results.add(new Result(calls, clients, seconds[load], ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
          sorted[calls - 1] / 1e6, failures[load]));
    }
    return results;
  }

  /** Runs calls {@code from} to {@code to} (exclusive), timing each into {@code nanos}; returns the failures. */
  private static int round(int from, int to, int clients, Call call, long[] nanos) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
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
    return failures.get();
  }

  private static double ms(long[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
