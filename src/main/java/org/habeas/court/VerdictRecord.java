package org.habeas.court;

import java.util.Currency;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.Jurisdiction;
import org.habeas.rules.FineRules;
import org.springframework.stereotype.Component;

/**
 * Checks the verdict: a fine needs its amount (whole units) and currency, or in Kazakhstan its count of
 * MCI; an arrest needs its days; and every verdict the time the defence received the ruling, which
 * starts the appeal clock.
 */
@Component("verdictRecord")
public class VerdictRecord implements TaskListener {

  /** What a court may decide. */
  public enum Verdict { ACQUITTED, DISMISSED, WARNING, FINE, PUBLIC_WORKS, ARREST }

  private final FineRules fines;

  public VerdictRecord(FineRules fines) {
    this.fines = fines;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseData ruling = CaseData.of(task);
    Verdict verdict = ruling.choice("verdict", Verdict.class);
    Long fineAmount = null;
    String fineCurrency = null;
    Long fineMci = null;
    Long arrestDays = null;
    if (verdict == Verdict.FINE && isGiven(task.getVariable("fineMci"))) {
      fineMci = ruling.wholeNumber("fineMci", 1, 10_000);
      fineAmount = inTenge(task, ruling, fineMci);
      fineCurrency = Jurisdiction.KZ.currency();
    } else if (verdict == Verdict.FINE) {
      fineAmount = ruling.wholeNumber("fineAmount", 1, Long.MAX_VALUE);
      fineCurrency = ruling.text("fineCurrency");
      if (fineCurrency != null && !isCurrency(fineCurrency)) {
        ruling.problem("fineCurrency", "must be an ISO 4217 currency code such as KZT or RUB");
      }
    } else if (verdict == Verdict.ARREST) {
      arrestDays = ruling.wholeNumber("arrestDays", 1, 90);
    }
    ruling.pastInstant("rulingServedAt");
    ruling.validate();
    task.setVariable("fineAmount", fineAmount);
    task.setVariable("fineCurrency", fineCurrency);
    task.setVariable("fineMci", fineMci);
    task.setVariable("arrestDays", arrestDays == null ? null : arrestDays.intValue());
  }

  /** A fine of so many MCI, at the MCI of the year proceedings opened (KZ CoAO Art. 44(1)): the detention. */
  private Long inTenge(DelegateTask task, CaseData ruling, Long fineMci) {
    Jurisdiction jurisdiction = Jurisdiction.of(task);
    if (jurisdiction != Jurisdiction.KZ) {
      ruling.problem("fineMci", "fines in MCI exist only in Kazakhstan; enter fineAmount and fineCurrency");
      return null;
    }
    var openedOn = ruling.instant("apprehendedAt").atZone(jurisdiction.zone()).toLocalDate();
    Long mci = fines.monthlyCalculationIndex(openedOn).orElse(null);
    if (mci == null) {
      ruling.problem("fineMci", "Habeas has no MCI for " + openedOn.getYear()
          + " (processes/monthly-calculation-index.dmn); enter fineAmount in tenge");
    }
    return mci == null || fineMci == null ? null : fineMci * mci;
  }

  private static boolean isGiven(Object value) {
    return value != null && !"".equals(value);
  }

  private static boolean isCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
