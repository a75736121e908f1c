package org.habeas.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;
import org.habeas.security.Groups;

/**
 * Opens open cases as the hotline does, one alert with one detainee per case, through
 * {@link AlertIntake}, acting as the coordinator; every {@code assignEvery}-th case is assigned to
 * {@code lawyer} by completing its {@code AssignLawyer} task. The mix is deterministic: 80% criminal
 * (48 h / 72 h limit), 20% administrative (3 h), KZ and RU alike, apprehended in the last 24 hours, so
 * most administrative cases are past their detention limit (overdue) when the measuring starts.
 */
public final class CaseSeeder {

  /** What was opened, and how long it took. */
  public record Seeded(List<String> caseNumbers, int assigned, Duration took) {
    public double casesPerSecond() {
      return caseNumbers.size() / (took.toNanos() / 1e9);
    }
  }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final AlertIntake intake;
  private final TaskService tasks;
  private final IdentityService identity;

  public CaseSeeder(HabeasServer habeas) {
    this.intake = habeas.bean(AlertIntake.class);
    this.tasks = habeas.bean(TaskService.class);
    this.identity = habeas.bean(IdentityService.class);
  }

  public Seeded seed(int cases, int threads, int assignEvery, String lawyer) throws Exception {
    Instant now = Instant.now();
    List<String> numbers = Collections.synchronizedList(new ArrayList<>(cases));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        batches.add(pool.submit(() -> {
          identity.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
          try {
            for (int i = first; i < cases; i += threads) {
              numbers.add(open(i, now, i % assignEvery == 0 ? lawyer : null));
            }
          } finally {
            identity.clearAuthentication();
          }
          return null;
        }));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Seeded(List.copyOf(numbers), (cases + assignEvery - 1) / assignEvery, took);
  }

  private String open(int i, Instant now, String lawyer) {
    SplittableRandom random = new SplittableRandom(i);
    boolean kz = random.nextInt(2) == 0;
    String proceeding = random.nextInt(5) == 0 ? "ADMINISTRATIVE" : "CRIMINAL";
    String apprehendedAt = now.minus(random.nextInt(24 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
        .atOffset(ZoneOffset.ofHours(kz ? 5 : 3)).format(ISO);
    Alert alert = new Alert(kz ? "KZ" : "RU", "benchmark hotline", kz ? "Astana" : "Moscow",
        "Police precinct no. " + (i % 40), apprehendedAt, proceeding, "Art. 434(1) CoAO",
        "Benchmark case " + i + ": detained after a peaceful protest.",
        List.of(new Alert.Detainee("Defender " + i, "Organisation " + (i % 25), i % 10 == 0, null, null)));
    AlertIntake.OpenedCase opened = intake.file(alert).cases().get(0);
    if (lawyer != null) {
      Task assign = tasks.createTaskQuery().processInstanceId(opened.processInstanceId())
          .taskDefinitionKey("AssignLawyer").singleResult();
      tasks.complete(assign.getId(), Map.of("lawyer", lawyer));
    }
    return opened.caseNumber();
  }
}
