package org.habeas.bench;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.habeas.bench.CaseLifecycle.Step;
import org.habeas.intake.Alert;

/** Drives cases through {@link CaseLifecycle}: Habeas over HTTP, or the raw engine through its Java API. */
public interface CaseDriver {

  /** How long a step waits for its task to appear (after an asynchronous step) before it fails. */
  long PATIENCE_MILLIS = 60_000;

  /** Opens the case of {@code alert}; returns its business key (Habeas' case number). */
  String open(int n, Alert alert);

  /** Passes one wait state of the case. */
  void pass(String businessKey, Step step);

  /**
   * Drives {@code cases} cases, numbered from {@code first}, from alert to closed with {@code clients}
   * concurrent clients, each client one case at a time; the result times whole cases.
   */
  default Load.Result drive(int first, int cases, int clients, Instant now) throws Exception {
    return Load.run(cases, clients, lifecycle(first, now));
  }

  /** The {@code n}-th call takes case {@code first + n} from alert to closed. */
  default Load.Call lifecycle(int first, Instant now) {
    List<Step> steps = CaseLifecycle.steps(now);
    return n -> {
      String key = open(first + n, CaseLifecycle.lifecycleAlert(first + n, now));
      for (Step step : steps) {
        pass(key, step);
      }
      return true;
    };
  }

  /**
   * Looks the step's task up until it is there (after an asynchronous step it appears a moment later),
   * a moment apart; fails after {@link #PATIENCE_MILLIS}.
   */
  static <T> T poll(String businessKey, Step step, Supplier<T> lookUp) {
    long since = System.currentTimeMillis();
    for (T found = lookUp.get(); ; found = lookUp.get()) {
      if (found != null) {
        return found;
      }
      if (System.currentTimeMillis() - since > PATIENCE_MILLIS) {
        throw new IllegalStateException(businessKey + ": no task " + step.task() + " after " + PATIENCE_MILLIS + " ms");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
