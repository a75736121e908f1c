package org.habeas.appeal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.casefile.CaseData;
import org.springframework.stereotype.Component;

/** The lawyer's decision whether to appeal; not appealing settles the appeal as {@code NOT_APPEALED}. */
@Component("appealDecision")
public class AppealDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseData decision = CaseData.of(task);
    Boolean appeal = decision.flag("appeal");
    decision.optionalText("appealReason");
    decision.validate();
    if (!appeal) {
      task.setVariable("appealOutcome", AppealOutcome.NOT_APPEALED.name());
    }
  }
}
