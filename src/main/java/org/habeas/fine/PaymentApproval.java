package org.habeas.fine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/** A manager's decision on paying a fine from a grant; a declined payment is recorded as such. */
@Component("paymentApproval")
public class PaymentApproval implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData approval = CaseData.of(task);
    Boolean approved = approval.flag("approved");
    String note = approval.optionalText("approvalNote");
    approval.check(approved == null || approved || note != null, "approvalNote",
        "is required when the payment is declined: say why, for the case record");
    approval.validate();
    if (!approved) {
      task.setVariable("paymentStatus", PaymentStatus.DECLINED.name());
    }
  }
}
