package org.habeas.visit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/** Checks the lawyer's report of the visit: whether a charge was brought, and the safety of the detainee. */
@Component("visitReport")
public class VisitReport implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData report = CaseData.of(task);
    Boolean charged = report.flag("charged");
    String chargeArticle = report.optionalText("chargeArticle");
    report.check(!Boolean.TRUE.equals(charged) || chargeArticle != null, "chargeArticle",
        "is required when a charge has been brought");
    report.text("conditions");
    report.flag("safetyRisk");
    report.validate();
  }
}
