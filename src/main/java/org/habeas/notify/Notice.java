package org.habeas.notify;

import static org.habeas.security.Groups.COORDINATORS;
import static org.habeas.security.Groups.MANAGERS;

import java.util.List;
import java.util.function.Function;

/**
 * What Habeas tells people, and whom. A notice names the case number, what happened, the deadline at
 * stake and a link; never the defender's name, health, threats or place of detention (those are added
 * only where {@code habeas.mail.include-personal-data} is true).
 */
public enum Notice {
  CASE_OPENED(Audience.groups(COORDINATORS).withDutyLawyers(), "new detention reported", c ->
      "A detention has been reported and a case opened. A coordinator must assign a lawyer now.\n"
          + "Detention limit ends: " + c.time("detentionDeadline") + " (" + c.text("detentionLimitBasis") + ")"),
  LAWYER_ASSIGNED(Audience.lawyer(), "you are assigned", c ->
      "You have been assigned this case. Please visit the detainee and report in Tasklist.\n"
          + "Detention limit ends: " + c.time("detentionDeadline")),
  ASSIGNMENT_OVERDUE(Audience.groups(MANAGERS), "no lawyer assigned yet", c ->
      "No lawyer has been assigned to this case within the agreed time.\n"
          + "Detention limit ends: " + c.time("detentionDeadline")),
  SAFETY_RISK(Audience.groups(COORDINATORS), "detainee's safety at risk", c ->
      "The lawyer who visited reports that the detainee's safety is at risk. Act now; the details are in "
          + "the case, not in this e-mail."),
  DETENTION_LIMIT_PASSED(Audience.groups(COORDINATORS, MANAGERS).withLawyer(), "held beyond the legal limit", c ->
      "The legal detention limit has passed and no release has been reported.\n"
          + "Limit ended: " + c.time("detentionDeadline") + " (" + c.text("detentionLimitBasis") + ")"),
  HEARING_REMINDER(Audience.lawyer(), "court hearing soon", c ->
      "Reminder: the court hearing of this case is coming up.\n"
          + "Hearing: " + c.time("hearingAt") + ", " + c.text("court")),
  APPEAL_REMINDER(Audience.lawyer(), "appeal deadline near", c ->
      "The appeal deadline of this case is near and no appeal has been filed yet.\n"
          + "Appeal deadline: " + c.time("appealDeadline") + " (" + c.text("appealDeadlineBasis") + ")"
          + c.note("appealDeadlineNote")),
  APPEAL_MISSED(Audience.groups(MANAGERS).withLawyer(), "appeal deadline missed", c ->
      "The appeal deadline passed with no appeal filed. A court may restore a missed deadline on a motion "
          + "with good reason: decide now whether to ask for it.\n"
          + "Appeal deadline was: " + c.time("appealDeadline") + " (" + c.text("appealDeadlineBasis") + ")"),
  APPROVAL_NEEDED(Audience.groups(MANAGERS), "fine payment awaits your approval", c ->
      "A fine above the approval threshold awaits your approval before it is paid from a grant "
          + "(funders do not refund costs already paid).\n"
          + "Fine: " + c.text("fineAmount") + " " + c.text("fineCurrency") + "; due: " + c.time("paymentDueAt")
          + c.note("paymentDueNote")),
  PAYMENT_REMINDER(Audience.groups(COORDINATORS), "fine due soon", c ->
      "The fine of this case is due soon and has not been recorded as paid.\n"
          + "Fine: " + c.text("fineAmount") + " " + c.text("fineCurrency") + "; due: " + c.time("paymentDueAt")
          + " (" + c.text("paymentDueBasis") + ")" + c.note("paymentDueNote")),
  PAYMENT_OVERDUE(Audience.groups(MANAGERS, COORDINATORS), "fine unpaid past its due date", c ->
      "The fine of this case is unpaid past its due date; non-payment leads to enforcement or a further "
          + "penalty. Pay it or ask the court for a postponement now.\n"
          + "Fine: " + c.text("fineAmount") + " " + c.text("fineCurrency") + "; was due: " + c.time("paymentDueAt")),
  CASE_CLOSED(Audience.groups(MANAGERS), "case closed", c ->
      "The case has been closed. Its record stays in Habeas.\nClosed: " + c.time("closedAt"));

  private final Audience audience;
  private final String headline;
  private final Function<CaseFacts, String> body;

  Notice(Audience audience, String headline, Function<CaseFacts, String> body) {
    this.audience = audience;
    this.headline = headline;
    this.body = body;
  }

  public Audience audience() {
    return audience;
  }

  public String subject(String caseNumber) {
    return "[Habeas] " + caseNumber + ": " + headline;
  }

  public String body(CaseFacts facts) {
    return body.apply(facts);
  }

  /** Who receives a notice: members of groups, the duty lawyers, the case's lawyer. */
  public record Audience(List<String> groups, boolean dutyLawyers, boolean caseLawyer) {
    static Audience groups(String... groups) {
      return new Audience(List.of(groups), false, false);
    }

    static Audience lawyer() {
      return new Audience(List.of(), false, true);
    }

    Audience withDutyLawyers() {
      return new Audience(groups, true, caseLawyer);
    }

    Audience withLawyer() {
      return new Audience(groups, dutyLawyers, true);
    }
  }
}
