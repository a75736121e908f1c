package org.habeas.appeal;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/** Checks the filed appeal: when (not in the future, not before the ruling) and with which court. */
@Component("appealFiling")
public class AppealFiling implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData filing = CaseData.of(task);
    Instant filedAt = filing.pastInstant("appealFiledAt");
    filing.text("appealCourt");
    if (filedAt != null) {
      filing.check(!filedAt.isBefore(filing.instant("rulingServedAt")), "appealFiledAt",
          "lies before the ruling was served");
    }
    filing.validate();
  }
}
