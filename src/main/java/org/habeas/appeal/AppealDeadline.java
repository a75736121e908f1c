package org.habeas.appeal;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.habeas.HabeasProperties;
import org.habeas.casefile.CaseData;
import org.habeas.casefile.Jurisdiction;
import org.habeas.deadlines.LegalDeadlines;
import org.habeas.rules.LegalPeriods;
import org.springframework.stereotype.Component;

/** Works out {@code appealDeadline}: the appeal period of the jurisdiction, from the ruling's service. */
@Component("appealDeadline")
public class AppealDeadline implements JavaDelegate {

  static final LegalDeadlines.Names NAMES = new LegalDeadlines.Names("appealDeadline", "appealDeadlineBasis",
      "appealDeadlineNote", "appealReminderAt");

  private final LegalPeriods periods;
  private final LegalDeadlines deadlines;
  private final HabeasProperties habeas;

  public AppealDeadline(LegalPeriods periods, LegalDeadlines deadlines, HabeasProperties habeas) {
    this.periods = periods;
    this.deadlines = deadlines;
    this.habeas = habeas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseData ruling = CaseData.of(execution);
    Instant servedAt = ruling.instant("rulingServedAt");
    ruling.validate();
    Jurisdiction jurisdiction = Jurisdiction.of(execution);
    deadlines.set(execution, NAMES, servedAt,
        periods.appeal(jurisdiction, servedAt.atZone(jurisdiction.zone()).toLocalDate()),
        habeas.getReminders().getAppeal());
  }
}
