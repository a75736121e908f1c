package org.habeas.court;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.habeas.HabeasProperties;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;
import org.springframework.stereotype.Component;

/** Checks the hearing the lawyer recorded and sets when the lawyer is reminded of it. */
@Component("hearingRecord")
public class HearingRecord implements TaskListener {

  private final HabeasProperties habeas;

  public HearingRecord(HabeasProperties habeas) {
    this.habeas = habeas;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseData hearing = CaseData.of(task);
    hearing.text("court");
    Instant hearingAt = hearing.instant("hearingAt");
    hearing.validate();
    Instant reminderAt = hearingAt.minus(habeas.getReminders().getHearing());
    task.setVariable("hearingReminderAt", CaseTime.iso(reminderAt, Jurisdiction.of(task).zone()));
  }
}
