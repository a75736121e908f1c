package org.habeas.fine;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.habeas.HabeasProperties;
import org.habeas.appeal.AppealOutcome;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;
import org.habeas.deadlines.LegalDeadlines;
import org.habeas.rules.FineRules;
import org.habeas.rules.LegalPeriods;
import org.springframework.stereotype.Component;

/**
 * Works out when a fine is due and whether paying it needs a manager's approval. The ruling enters into
 * force with the appeal court's decision or, without one, when the appeal period runs out (RU CoAO
 * Art. 31.1; KZ: the article is an open point, read the same way); the payment period runs from there.
 */
@Component("paymentDue")
public class PaymentDue implements JavaDelegate {

  static final LegalDeadlines.Names NAMES = new LegalDeadlines.Names("paymentDueAt", "paymentDueBasis",
      "paymentDueNote", "paymentReminderAt");

  private final LegalPeriods periods;
  private final LegalDeadlines deadlines;
  private final FineRules fines;
  private final HabeasProperties habeas;

  public PaymentDue(LegalPeriods periods, LegalDeadlines deadlines, FineRules fines, HabeasProperties habeas) {
    this.periods = periods;
    this.deadlines = deadlines;
    this.fines = fines;
    this.habeas = habeas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseData fine = CaseData.of(execution);
    AppealOutcome appeal = fine.choice("appealOutcome", AppealOutcome.class);
    Instant inForceAt = appeal != null && appeal.decidedByCourt()
        ? fine.instant("appealDecidedAt") : fine.instant("appealDeadline");
    Long amount = fine.wholeNumber("fineAmount", 1, Long.MAX_VALUE);
    String currency = fine.text("fineCurrency");
    Instant servedAt = fine.instant("rulingServedAt");
    fine.validate();

    Jurisdiction jurisdiction = Jurisdiction.of(execution);
    execution.setVariable("rulingInForceAt", CaseTime.iso(inForceAt, jurisdiction.zone()));
    deadlines.set(execution, NAMES, inForceAt,
        periods.finePayment(jurisdiction, inForceAt.atZone(jurisdiction.zone()).toLocalDate()),
        habeas.getReminders().getPayment());
    LocalDate decidedOn = servedAt.atZone(jurisdiction.zone()).toLocalDate();
    Long threshold = fines.approvalThreshold(currency, decidedOn).orElse(null);
    execution.setVariable("approvalThreshold", threshold);
    execution.setVariable("approvalRequired", threshold == null || amount > threshold);
  }
}
