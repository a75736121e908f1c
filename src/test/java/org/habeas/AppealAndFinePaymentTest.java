package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.habeas.casefile.InvalidCaseDataException;
import org.habeas.demo.DemoData;
import org.habeas.intake.Alert;
import org.habeas.intake.AlertIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code appeal} and {@code fine-payment}, called from a case, with their deadlines. */
class AppealAndFinePaymentTest extends HabeasTest {

  /** A KZ ruling served on Friday 27 Nov 2026 at 14:30: 10 calendar days run out at the end of Mon 7 Dec. */
  private static final String SERVED = "2026-11-27T14:30:00+05:00";
  private static final String APPEAL_DEADLINE = "2026-12-08T00:00:00+05:00";

  @Test
  void noAppeal_thenAFineAboveTheThresholdIsApprovedAndPaid_andTheCaseCloses() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 80000, "fineCurrency", "KZT"));
    ProcessInstance appeal = appealWindowOpen(pi);
    complete(appeal, "DecideAppeal", Map.of("appeal", false, "appealReason", "client prefers to pay"));
    assertThat(appeal).isEnded().hasPassed("End_NoAppeal", "End_RulingAccepted");
    assertThat(pi).isWaitingAt("CallFinePayment").variables().containsEntry("appealOutcome", "NOT_APPEALED");

    ProcessInstance payment = paymentOpen(pi);
    // in force when the appeal period ran out (8 Dec 00:00); 30 days from 8 Dec: Thu 7 Jan 2027, Orthodox
    // Christmas, but the 2027 holidays are not in the calendar: counted, and said so.
    assertThat(payment).variables().containsEntry("rulingInForceAt", APPEAL_DEADLINE)
        .containsEntry("paymentDueAt", "2027-01-08T00:00:00+05:00")
        .containsEntry("paymentReminderAt", "2027-01-01T00:00:00+05:00")
        .containsEntry("approvalThreshold", 50000L).containsEntry("approvalRequired", true);
    assertThat((String) runtime.getVariable(payment.getId(), "paymentDueNote"))
        .contains("Open legal point").contains("Public holidays of 2027 are not in Habeas' calendar");
    assertThat(payment).hasPassed("Notify_ApprovalNeeded").isWaitingAt("ApproveFinePayment");
    deliverNotices(pi);
    assertThat(recipientsOf(pi.getBusinessKey(), "fine payment awaits your approval")).containsExactly("manager@habeas.local");

    complete(payment, "ApproveFinePayment", Map.of("approved", true));
    assertThat(payment).isWaitingAt("PayFine");
    complete(payment, "PayFine", Map.of("paidAt", "2026-11-27T14:55:00+05:00", "paymentReference", "KASPI-8812"));
    assertThat(payment).isEnded();
    assertThat(pi).isWaitingAt("CloseCase").variables().containsEntry("paymentStatus", "PAID")
        .containsEntry("paymentReference", "KASPI-8812").containsEntry("approved", true);
  }

  @Test
  void appealUpheld_fineFallsDueThirtyDaysAfterTheAppealDecision() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 20000, "fineCurrency", "KZT"));
    ProcessInstance appeal = appealFiled(pi);
    complete(appeal, "RecordAppealOutcome", Map.of("appealOutcome", "UPHELD", "appealDecidedAt", "2026-11-27T14:45:00+05:00"));
    assertThat(pi).isWaitingAt("CallFinePayment").variables().containsEntry("appealOutcome", "UPHELD")
        .containsEntry("fineAmount", 20000L).containsEntry("appealCourt", "Astana City Court");
    ProcessInstance payment = paymentOpen(pi);
    assertThat(payment).variables().containsEntry("rulingInForceAt", "2026-11-27T14:45:00+05:00")
        .containsEntry("paymentDueAt", "2026-12-28T00:00:00+05:00").containsEntry("approvalRequired", false);
    assertThat(payment).isWaitingAt("PayFine");
  }

  @Test
  void appealReducesTheFine_belowTheThreshold_noApprovalNeeded_butNeverAbove() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 80000, "fineCurrency", "KZT"));
    ProcessInstance appeal = appealFiled(pi);
    assertThatThrownBy(() -> complete(appeal, "RecordAppealOutcome", Map.of("appealOutcome", "REDUCED",
        "fineAmount", 90000, "appealDecidedAt", "2026-11-27T14:45:00+05:00")))
        .rootCause().isInstanceOf(InvalidCaseDataException.class).hasMessage("fineAmount: must be between 0 and 80000");
    complete(appeal, "RecordAppealOutcome", Map.of("appealOutcome", "REDUCED", "fineAmount", 40000,
        "appealDecidedAt", "2026-11-27T14:45:00+05:00"));
    assertThat(pi).variables().containsEntry("fineAmount", 40000L);
    assertThat(paymentOpen(pi)).variables().containsEntry("approvalRequired", false);
  }

  @Test
  void appealOverturnsTheRuling_nothingIsOwed_andTheCaseGoesToClosing() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 80000, "fineCurrency", "KZT"));
    complete(appealFiled(pi), "RecordAppealOutcome", Map.of("appealOutcome", "OVERTURNED",
        "appealDecidedAt", "2026-11-27T14:45:00+05:00"));
    assertThat(pi).hasNotPassed("CallFinePayment").isWaitingAt("CloseCase")
        .variables().containsEntry("appealOutcome", "OVERTURNED").containsEntry("fineAmount", 0L);
  }

  @Test
  void appealDeadlinePassesFirst_appealIsMissed_managersAndLawyerAreTold_andTheFineIsStillOwed() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 80000, "fineCurrency", "KZT"));
    ProcessInstance appeal = appealWindowOpen(pi);
    assertThat(job(appeal, "Timer_AppealDeadline").getDuedate()).isEqualTo(minute(at(APPEAL_DEADLINE)));
    ClockUtil.setCurrentTime(Date.from(at(APPEAL_DEADLINE)));
    runJobs(appeal, "Timer_AppealDeadline");
    assertThat(appeal).isEnded().hasPassed("RecordAppealMissed", "Notify_AppealMissed", "End_AppealMissed")
        .hasNotPassed("End_NoAppeal", "FileAppeal");
    assertThat(pi).variables().containsEntry("appealOutcome", "MISSED");
    deliverNotices(pi);
    assertThat(recipientsOf(pi.getBusinessKey(), "appeal deadline missed"))
        .containsExactly("lawyer1@habeas.local", "manager@habeas.local");
    assertThat(paymentOpen(pi)).variables().containsEntry("rulingInForceAt", APPEAL_DEADLINE);
  }

  @Test
  void lawyerIsRemindedThreeDaysBeforeTheAppealDeadline_andTheWindowStaysOpen() {
    ProcessInstance pi = verdict(Map.of("verdict", "WARNING"));
    ProcessInstance appeal = appealWindowOpen(pi);
    assertThat(job(appeal, "Timer_AppealReminder").getDuedate()).isEqualTo(minute(at("2026-12-05T00:00:00+05:00")));
    runJobs(appeal, "Timer_AppealReminder");
    assertThat(appeal).hasPassed("Notify_AppealReminder").isWaitingAt("DecideAppeal");
    deliverNotices(pi);
    assertThat(mailsOf(pi.getBusinessKey())).filteredOn(m -> m.subject().contains("appeal deadline near"))
        .singleElement().satisfies(mail -> {
          assertThat(mail.recipient()).isEqualTo("lawyer1@habeas.local");
          assertThat(mail.body()).contains("Tue 8 Dec 2026, 00:00 UTC+05:00", "KZ CoAO ch. 45, Art. 830");
        });
  }

  @Test
  void aVerdictWithoutAFine_notAppealed_goesStraightToClosing() {
    ProcessInstance pi = verdict(Map.of("verdict", "PUBLIC_WORKS"));
    complete(appealWindowOpen(pi), "DecideAppeal", Map.of("appeal", false));
    assertThat(pi).hasNotPassed("CallFinePayment").isWaitingAt("CloseCase");
  }

  @Test
  void managerDeclinesThePayment_withAReason_andTheCaseGoesToClosingUnpaid() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 500, "fineCurrency", "EUR"));
    complete(appealWindowOpen(pi), "DecideAppeal", Map.of("appeal", false));
    ProcessInstance payment = paymentOpen(pi);
    assertThat(payment).isWaitingAt("ApproveFinePayment").variables().containsEntry("approvalThreshold", 100L);
    assertThatThrownBy(() -> complete(payment, "ApproveFinePayment", Map.of("approved", false)))
        .rootCause().hasMessage("approvalNote: is required when the payment is declined: say why, for the case record");
    complete(payment, "ApproveFinePayment", Map.of("approved", false, "approvalNote", "grant exhausted"));
    assertThat(payment).isEnded().hasPassed("End_PaymentDeclined").hasNotPassed("PayFine");
    assertThat(pi).isWaitingAt("CloseCase").variables().containsEntry("paymentStatus", "DECLINED");
  }

  @Test
  void aCurrencyWithoutAThresholdAlwaysNeedsApproval_andAnOrganisationCanSetItsOwn() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 1, "fineCurrency", "GBP"));
    complete(appealWindowOpen(pi), "DecideAppeal", Map.of("appeal", false));
    assertThat(paymentOpen(pi)).variables().containsEntry("approvalThreshold", null).containsEntry("approvalRequired", true);

    habeas.getFines().getApprovalThreshold().put("KZT", 100_000L);
    try {
      ProcessInstance kz = verdict(Map.of("verdict", "FINE", "fineAmount", 80000, "fineCurrency", "KZT"));
      complete(appealWindowOpen(kz), "DecideAppeal", Map.of("appeal", false));
      assertThat(paymentOpen(kz)).variables().containsEntry("approvalThreshold", 100_000L)
          .containsEntry("approvalRequired", false);
    } finally {
      habeas.getFines().getApprovalThreshold().clear();
    }
  }

  @Test
  void paymentDueDatePassesUnpaid_flaggedAndManagersAndCoordinatorsAreTold_afterAReminder() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineAmount", 20000, "fineCurrency", "KZT"));
    complete(appealWindowOpen(pi), "DecideAppeal", Map.of("appeal", false));
    ProcessInstance payment = paymentOpen(pi);
    assertThat(job(payment, "Timer_PaymentReminder").getDuedate()).isEqualTo(minute(at("2027-01-01T00:00:00+05:00")));
    assertThat(job(payment, "Timer_PaymentOverdue").getDuedate()).isEqualTo(minute(at("2027-01-08T00:00:00+05:00")));
    runJobs(payment, "Timer_PaymentReminder");
    runJobs(payment, "Timer_PaymentOverdue");
    assertThat(payment).hasPassed("Notify_PaymentReminder", "FlagPaymentOverdue", "Notify_PaymentOverdue")
        .isWaitingAt("PayFine").variables().containsEntry("paymentOverdue", true);
    deliverNotices(pi);
    assertThat(recipientsOf(pi.getBusinessKey(), "fine due soon")).containsExactly("coordinator@habeas.local");
    assertThat(recipientsOf(pi.getBusinessKey(), "fine unpaid past its due date"))
        .containsExactly("coordinator@habeas.local", "manager@habeas.local");
  }

  @Test
  void ruAppealEndingOnNewYear_movesToTheFirstWorkingDay_12January2026() {
    ProcessInstance appeal = startAppeal("RU", "2025-12-22T15:00:00+03:00");
    assertThat(appeal).variables().containsEntry("appealDeadline", "2026-01-13T00:00:00+03:00")
        .containsEntry("appealDeadlineBasis", "RU CoAO Art. 30.3(1), 4.8(3.1) as amended by Law 364-FZ of 29.10.2024")
        .containsEntry("appealDeadlineNote", "Moved off a day off to the next working day, 2026-01-12.");
  }

  @Test
  void kzAppealEndingOnIndependenceDay_isNotMovedButFlagged() {
    ProcessInstance appeal = startAppeal("KZ", "2025-12-06T11:00:00+05:00");
    assertThat(appeal).variables().containsEntry("appealDeadline", "2025-12-17T00:00:00+05:00");
    assertThat((String) runtime.getVariable(appeal.getId(), "appealDeadlineNote"))
        .contains("The period ends on a day off (2025-12-16); it is not moved");
  }

  @Test
  void kzAppealBeforeNauryz_servedFriday13March2026_endsMonday23March_aDayOff_flagged() {
    ProcessInstance appeal = startAppeal("KZ", "2026-03-13T16:00:00+05:00");
    assertThat(appeal).variables().containsEntry("appealDeadline", "2026-03-24T00:00:00+05:00");
    assertThat((String) runtime.getVariable(appeal.getId(), "appealDeadlineNote")).contains("(2026-03-23)");
  }

  @Test
  void ruAppealAcrossTheRuleChangeOf29October2024_movedOnlyUnderTheNewRule() {
    // Served Wed 23 Oct 2024: 10 сутки end on Sat 2 Nov, never moved (old Art. 4.8(2)).
    ProcessInstance before = startAppeal("RU", "2024-10-23T12:00:00+03:00");
    assertThat(before).variables().containsEntry("appealDeadline", "2024-11-03T00:00:00+03:00")
        .containsEntry("appealDeadlineBasis", "RU CoAO Art. 30.3(1), 4.8(2): 10 сутки from service, never moved");
    // Served Wed 30 Oct 2024: 10 days end on Sat 9 Nov, moved to Mon 11 Nov (Art. 4.8(3.1)).
    ProcessInstance after = startAppeal("RU", "2024-10-30T12:00:00+03:00");
    assertThat(after).variables().containsEntry("appealDeadline", "2024-11-12T00:00:00+03:00");
  }

  @Test
  void aFineInMci_isWorkedOutInTengeAtTheMciOfTheYearOfDetention() {
    ProcessInstance pi = verdict(Map.of("verdict", "FINE", "fineMci", 20));
    assertThat(pi).variables().containsEntry("fineMci", 20L).containsEntry("fineAmount", 86500L)
        .containsEntry("fineCurrency", "KZT");
  }

  /** The seed case of 21 Nov 2025 in Astana, from the alert to the closed case, through appeal and payment. */
  @Test
  void theAstanaSeedCase_runsFromAlertToClosed() throws Exception {
    ClockUtil.setCurrentTime(Date.from(at("2025-11-21T17:00:00+05:00")));
    Alert alert = DemoData.seedAlerts().get(0);
    var opened = intake.file(alert).cases().get(0);
    assertThat(opened.detentionDeadline()).isEqualTo("2025-11-21T19:00:00+05:00");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).singleResult();

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    complete(pi, "VisitDetainee", Map.of("charged", true, "chargeArticle", "Art. 434(1) CoAO",
        "conditions", "shared cell", "safetyRisk", true));
    complete(pi, "RecordHearing", Map.of("court", "Specialized Inter-District Court for Administrative Offences, Astana",
        "hearingAt", "2025-11-22T10:00:00+05:00"));
    ClockUtil.setCurrentTime(Date.from(at("2025-11-22T18:00:00+05:00")));
    complete(pi, "RecordVerdict", Map.of("verdict", "FINE", "fineMci", 20, "rulingServedAt", "2025-11-22T17:00:00+05:00"));
    assertThat(pi).variables().containsEntry("fineAmount", 78640L).containsEntry("fineCurrency", "KZT");

    ProcessInstance appeal = appealWindowOpen(pi);
    assertThat(appeal).variables().containsEntry("appealDeadline", "2025-12-03T00:00:00+05:00");
    complete(appeal, "DecideAppeal", Map.of("appeal", false));

    ProcessInstance payment = paymentOpen(pi);
    // 30 days from 3 Dec 2025: Fri 2 Jan 2026, a New Year day off in Kazakhstan: not moved, flagged.
    assertThat(payment).variables().containsEntry("paymentDueAt", "2026-01-03T00:00:00+05:00");
    assertThat((String) runtime.getVariable(payment.getId(), "paymentDueNote")).contains("(2026-01-02)");
    complete(payment, "ApproveFinePayment", Map.of("approved", true, "approvalNote", "FLD emergency grant"));
    ClockUtil.setCurrentTime(Date.from(at("2025-12-10T12:00:00+05:00")));
    complete(payment, "PayFine", Map.of("paidAt", "2025-12-10T11:30:00+05:00", "paymentReference", "KASPI-2025-1"));
    complete(pi, "CloseCase", Map.of("closingSummary", "Fined 20 MCI; paid from the emergency grant."));
    assertThat(pi).isEnded();
  }

  // ---- helpers ----

  @Autowired private AlertIntake intake;
  @Autowired private HabeasProperties habeas;

  /** A charged case whose verdict was just recorded, served at {@link #SERVED}. */
  private ProcessInstance verdict(Map<String, Object> verdict) {
    ProcessInstance pi = startCase(alert());
    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    complete(pi, "VisitDetainee", Map.of("charged", true, "chargeArticle", "434(1)", "conditions", "cell",
        "safetyRisk", false));
    complete(pi, "RecordHearing", Map.of("court", "district court", "hearingAt", "2026-11-27T14:10:00+05:00"));
    Map<String, Object> variables = new HashMap<>(verdict);
    variables.putIfAbsent("rulingServedAt", SERVED);
    complete(pi, "RecordVerdict", variables);
    return pi;
  }

  /** The case's appeal, its deadline worked out, waiting for the lawyer's decision. */
  private ProcessInstance appealWindowOpen(ProcessInstance pi) {
    ProcessInstance appeal = called(pi, "appeal");
    runJobs(appeal, "WorkOutAppealDeadline");
    assertThat(appeal).isWaitingAt("DecideAppeal");
    assertThat(task(appeal, "DecideAppeal").getAssignee()).isEqualTo("lawyer1");
    return appeal;
  }

  private ProcessInstance appealFiled(ProcessInstance pi) {
    ProcessInstance appeal = appealWindowOpen(pi);
    complete(appeal, "DecideAppeal", Map.of("appeal", true));
    complete(appeal, "FileAppeal", Map.of("appealFiledAt", "2026-11-27T14:40:00+05:00", "appealCourt", "Astana City Court"));
    assertThat(appeal).hasPassed("End_AppealFiled").isWaitingAt("RecordAppealOutcome");
    return appeal;
  }

  private ProcessInstance paymentOpen(ProcessInstance pi) {
    ProcessInstance payment = called(pi, "fine-payment");
    runJobs(payment, "WorkOutPaymentDue");
    return payment;
  }

  /** An appeal started on its own, for deadline checks. */
  private ProcessInstance startAppeal(String jurisdiction, String servedAt) {
    ProcessInstance appeal = runtime.startProcessInstanceByKey("appeal", jurisdiction + "-TEST",
        Variables.putValue("jurisdiction", jurisdiction).putValue("lawyer", "lawyer1").putValue("rulingServedAt", servedAt));
    runJobs(appeal, "WorkOutAppealDeadline");
    return appeal;
  }
}
