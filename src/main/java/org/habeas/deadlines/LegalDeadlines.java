package org.habeas.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;
import org.habeas.deadlines.LegalCalendar.Deadline;
import org.habeas.rules.LegalPeriods.PeriodRule;
import org.springframework.stereotype.Component;

/**
 * Puts a legal deadline on a case: the due time (ISO-8601 in the case's time zone), the law it rests
 * on, a note of anything a lawyer must know about it (an open legal point, a day off it ends on or was
 * moved from, holidays not in the calendar), and when to remind people of it.
 */
@Component
public class LegalDeadlines {

  private final LegalCalendar calendar;

  public LegalDeadlines(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  /** The variables that hold a deadline, its legal basis, its note and when to remind people of it. */
  public record Names(String deadline, String basis, String note, String reminder) {
  }

  /** Sets the deadline of the period from {@code start}, and its reminder {@code remindBefore} it. */
  public void set(VariableScope scope, Names names, Instant start, PeriodRule rule, Duration remindBefore) {
    Jurisdiction jurisdiction = Jurisdiction.of(scope);
    ZoneId zone = jurisdiction.zone();
    Deadline deadline = calendar.deadline(jurisdiction.name(), zone, start, rule.period());
    scope.setVariable(names.deadline(), CaseTime.iso(deadline.dueAt(), zone));
    scope.setVariable(names.basis(), rule.basis());
    scope.setVariable(names.note(), note(deadline, rule));
    scope.setVariable(names.reminder(), CaseTime.iso(deadline.dueAt().minus(remindBefore), zone));
  }

  private static String note(Deadline deadline, PeriodRule rule) {
    List<String> notes = new ArrayList<>();
    if (!rule.settled()) {
      notes.add("Open legal point, not settled law: " + rule.basis() + ".");
    }
    if (deadline.endsOnNonWorkingDay()) {
      notes.add("The period ends on a day off (" + deadline.lastDay() + "); it is not moved to the next working "
          + "day, as the law does not clearly say so. Act by then.");
    }
    if (deadline.moved()) {
      notes.add("Moved off a day off to the next working day, " + deadline.lastDay() + ".");
    }
    if (!deadline.holidaysKnown()) {
      notes.add("Public holidays of " + deadline.lastDay().getYear() + " are not in Habeas' calendar yet: only "
          + "weekends were counted, so the real deadline may be later, never earlier.");
    }
    return notes.isEmpty() ? null : String.join(" ", notes);
  }
}
