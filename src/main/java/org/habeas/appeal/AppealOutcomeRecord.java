package org.habeas.appeal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/**
 * The appeal court's decision and when it was given (it puts the ruling into force). A fine
 * ({@code imposedFine}, as the first court set it) is cleared when the ruling is overturned and, when
 * reduced, takes the new {@code fineAmount}, never more than before.
 */
@Component("appealOutcomeRecord")
public class AppealOutcomeRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData decision = CaseData.of(task);
    AppealOutcome outcome = decision.choice("appealOutcome", AppealOutcome.class);
    decision.check(outcome == null || outcome.decidedByCourt(), "appealOutcome",
        "must be one of UPHELD, OVERTURNED, REDUCED");
    decision.pastInstant("appealDecidedAt");
    Number imposedFine = (Number) task.getVariable("imposedFine");
    Long fine = imposedFine == null ? null : imposedFine.longValue();
    if (outcome == AppealOutcome.REDUCED && fine != null) {
      fine = decision.wholeNumber("fineAmount", 0, fine);
    } else if (outcome == AppealOutcome.OVERTURNED && fine != null) {
      fine = 0L;
    }
    decision.validate();
    task.setVariable("fineAmount", fine);
  }
}
