package org.habeas.fine;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.CaseTime;
import org.springframework.stereotype.Component;

/** Checks the payment of a fine: when (not in the future) and its reference. */
@Component("finePaymentRecord")
public class FinePaymentRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData payment = CaseData.of(task);
    Instant paidAt = payment.instant("paidAt");
    payment.text("paymentReference");
    if (paidAt != null) {
      payment.check(!paidAt.isAfter(CaseTime.now()), "paidAt", "lies in the future");
    }
    payment.validate();
    task.setVariable("paymentStatus", PaymentStatus.PAID.name());
  }
}
