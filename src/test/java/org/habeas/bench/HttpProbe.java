package org.habeas.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Times GET calls of Habeas over HTTP after a warm-up, sequential or concurrent. */
public final class HttpProbe {

  /** A call to time: who makes it, the path of its {@code n}-th request, and whether a target applies. */
  public record Scenario(String name, String user, IntFunction<String> path, boolean target) {
  }

  /** A scenario's timings and the last X-Total-Count seen (how many rows a list matched; -1 if none). */
  public record Latencies(Scenario scenario, Load.Result result, long totalCount) {
  }

  private final Http http;

  public HttpProbe(Http http) {
    this.http = http;
  }

  /** Runs {@code warmUp} untimed calls, then {@code calls} timed ones spread over {@code clients} threads. */
  public Latencies measure(Scenario scenario, int warmUp, int calls, int clients) throws Exception {
    AtomicLong totalCount = new AtomicLong(-1);
    AtomicInteger shown = new AtomicInteger();
    Load.Call call = n -> {
      String path = scenario.path().apply(n);
      Http.Answer answer = http.get(scenario.user(), path);
      if (answer.status() != 200) {
        if (shown.getAndIncrement() < 3) {
          System.err.printf("%s: %s -> %d %s%n", scenario.name(), path, answer.status(), answer.body());
        }
        return false;
      }
      if (answer.totalCount() >= 0) {
        totalCount.set(answer.totalCount());
      }
      return true;
    };
    if (warmUp > 0) {
      Load.run(warmUp, 1, call);
    }
    return new Latencies(scenario, Load.run(calls, clients, n -> call.run(warmUp + n)), totalCount.get());
  }
}
