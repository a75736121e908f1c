package org.habeas.fine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/** Checks the payment of a fine: when (not in the future) and its reference. */
@Component("finePaymentRecord")
public class FinePaymentRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData payment = CaseData.of(task);
    payment.pastInstant("paidAt");
    payment.text("paymentReference");
    payment.validate();
    task.setVariable("paymentStatus", PaymentStatus.PAID.name());
  }
}
