package org.habeas.court;

import java.time.Instant;
import java.util.Currency;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.CaseTime;
import org.springframework.stereotype.Component;

/**
 * Checks the verdict: a fine needs its amount (whole units) and currency, an arrest its days, and
 * every verdict the time the defence received the ruling, which starts the appeal clock.
 */
@Component("verdictRecord")
public class VerdictRecord implements TaskListener {

  /** What a court may decide. */
  public enum Verdict { ACQUITTED, DISMISSED, WARNING, FINE, PUBLIC_WORKS, ARREST }

  @Override
  public void notify(DelegateTask task) {
    CaseData ruling = CaseData.of(task);
    Verdict verdict = ruling.choice("verdict", Verdict.class);
    Long fineAmount = null;
    String fineCurrency = null;
    Long arrestDays = null;
    if (verdict == Verdict.FINE) {
      fineAmount = ruling.wholeNumber("fineAmount", 1, Long.MAX_VALUE);
      fineCurrency = ruling.text("fineCurrency");
      if (fineCurrency != null && !isCurrency(fineCurrency)) {
        ruling.problem("fineCurrency", "must be an ISO 4217 currency code such as KZT or RUB");
      }
    } else if (verdict == Verdict.ARREST) {
      arrestDays = ruling.wholeNumber("arrestDays", 1, 365);
    }
    Instant servedAt = ruling.instant("rulingServedAt");
    if (servedAt != null) {
      ruling.check(!servedAt.isAfter(CaseTime.now()), "rulingServedAt", "lies in the future");
    }
    ruling.validate();
    task.setVariable("fineAmount", fineAmount);
    task.setVariable("fineCurrency", fineCurrency);
    task.setVariable("arrestDays", arrestDays == null ? null : arrestDays.intValue());
  }

  private static boolean isCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
