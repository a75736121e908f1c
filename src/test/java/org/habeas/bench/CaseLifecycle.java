package org.habeas.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.habeas.intake.Alert;

/**
 * What the benchmark files and does, the same for Habeas and for the raw engine: the alerts of a surge,
 * and the steps of a case from alert to closed, each a wait state of the process and made by the person
 * who makes it in Habeas.
 */
public final class CaseLifecycle {

  /** One wait state passed: a task completed with these variables, or (task null) the release reported. */
  public record Step(String user, String task, Map<String, Object> variables) {
    public boolean isRelease() {
      return task == null;
    }
  }

  /** The first step: the coordinator assigns lawyer1. */
  public static final Step ASSIGN_LAWYER1 = new Step("coordinator", "AssignLawyer", Map.of("lawyer", "lawyer1"));

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private CaseLifecycle() {
  }

  /**
   * The {@code i}-th alert of a surge, one detainee: half KZ and half RU, 80% criminal (48 h / 72 h limit)
   * and 20% administrative (3 h), apprehended in the 24 hours before {@code now}, so that most
   * administrative cases are past their detention limit.
   */
  public static Alert surgeAlert(int i, Instant now) {
    SplittableRandom random = new SplittableRandom(i);
    boolean kz = random.nextInt(2) == 0;
    return alert(i, kz ? "KZ" : "RU", random.nextInt(5) == 0 ? "ADMINISTRATIVE" : "CRIMINAL",
        now.minus(random.nextInt(24 * 60), ChronoUnit.MINUTES));
  }

  /** The alert of the {@code i}-th case driven to closed: Astana, administrative, an hour ago. */
  public static Alert lifecycleAlert(int i, Instant now) {
    return alert(i, "KZ", "ADMINISTRATIVE", now.minus(1, ChronoUnit.HOURS));
  }

  private static Alert alert(int i, String jurisdiction, String proceeding, Instant apprehendedAt) {
    boolean kz = jurisdiction.equals("KZ");
    return new Alert(jurisdiction, "benchmark hotline", kz ? "Astana" : "Moscow", "Police precinct no. " + (i % 40),
        at(apprehendedAt, kz), proceeding, "Art. 434(1) CoAO",
        "Benchmark case " + i + ": detained after a peaceful protest.",
        List.of(new Alert.Detainee("Defender " + i, "Organisation " + (i % 25), i % 10 == 0, null, null)));
  }

  /**
   * The steps of the Astana case of November 2025 after its alert: a lawyer assigned, the visit (charged),
   * the release, the hearing, a fine of 20 MCI, an appeal filed and upheld, the payment approved by a
   * manager and paid, the case closed. Eleven wait states, plus the two asynchronous steps that work out
   * the appeal and payment deadlines.
   */
  public static List<Step> steps(Instant now) {
    String past = at(now.minus(10, ChronoUnit.MINUTES), true);
    return List.of(
        ASSIGN_LAWYER1,
        new Step("lawyer1", "VisitDetainee", Map.of("charged", true, "chargeArticle", "Art. 434(1) CoAO",
            "conditions", "shared cell", "safetyRisk", false)),
        new Step("lawyer1", null, Map.of("releasedAt", past)),
        new Step("lawyer1", "RecordHearing", Map.of("court", "Specialized Inter-District Court, Astana",
            "hearingAt", at(now.plus(1, ChronoUnit.DAYS), true))),
        new Step("lawyer1", "RecordVerdict", Map.of("verdict", "FINE", "fineMci", 20, "rulingServedAt", past)),
        new Step("lawyer1", "DecideAppeal", Map.of("appeal", true)),
        new Step("lawyer1", "FileAppeal", Map.of("appealFiledAt", past, "appealCourt", "Astana City Court")),
        new Step("lawyer1", "RecordAppealOutcome", Map.of("appealOutcome", "UPHELD", "appealDecidedAt", past)),
        new Step("manager", "ApproveFinePayment", Map.of("approved", true, "approvalNote", "emergency grant")),
        new Step("coordinator", "PayFine", Map.of("paidAt", past, "paymentReference", "BENCH")),
        new Step("coordinator", "CloseCase", Map.of("closingSummary", "Fined 20 MCI; paid from the emergency grant.")));
  }

  private static String at(Instant instant, boolean kz) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(kz ? 5 : 3)).format(ISO);
  }
}
