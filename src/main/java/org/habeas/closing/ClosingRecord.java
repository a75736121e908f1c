package org.habeas.closing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;
import org.springframework.stereotype.Component;

/** Requires a closing summary and records when the case was closed. */
@Component("closingRecord")
public class ClosingRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData closing = CaseData.of(task);
    closing.text("closingSummary");
    closing.validate();
    task.setVariable("closedAt", CaseTime.iso(CaseTime.now(), Jurisdiction.of(task).zone()));
  }
}
