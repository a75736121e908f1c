package org.habeas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.habeas.dashboard.NextDeadline.What;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case list follows a case from its alert to closed, whichever step moves it (a task, the release, an
 * asynchronous step of the appeal or the payment): its stage, its next deadline, whether it is overdue.
 */
class CaseListTest extends HabeasTest {

  @Autowired CaseSummaries summaries;

  @Test
  void followsACaseFromAlertToClosed() {
    ProcessInstance pi = startCase(alert());
    String caseNumber = pi.getBusinessKey();
    CaseSummary opened = row(caseNumber);
    assertThat(opened.status()).isEqualTo("OPEN");
    assertThat(opened.stage()).isEqualTo("AssignLawyer");
    assertNext(opened, What.DETENTION_LIMIT, "2026-11-27T17:00:00+05:00");
    assertThat(summaries.find(caseNumber, at("2026-11-27T17:01:00+05:00")).orElseThrow().overdue()).isTrue();

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    complete(pi, "VisitDetainee", Map.of("charged", true, "chargeArticle", "434(1)", "conditions", "cell",
        "safetyRisk", false));
    assertThat(row(caseNumber).lawyer()).isEqualTo("lawyer1");
    assertThat(row(caseNumber).stage()).isEqualTo("RecordHearing");

    runtime.createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(caseNumber)
        .setVariable("releasedAt", "2026-11-27T14:50:00+05:00").correlate();
    CaseSummary released = row(caseNumber);
    assertThat(released.releasedAt()).isEqualTo("2026-11-27T14:50:00+05:00");
    assertThat(released.nextDeadline()).as("released, no hearing set yet").isNull();
    assertThat(summaries.find(caseNumber, at("2026-11-27T17:01:00+05:00")).orElseThrow().overdue()).isFalse();

    complete(pi, "RecordHearing", Map.of("court", "Inter-District Court, Astana",
        "hearingAt", "2026-11-28T10:00:00+05:00"));
    assertNext(row(caseNumber), What.HEARING, "2026-11-28T10:00:00+05:00");
    assertThat(summaries.find(caseNumber, at("2026-11-28T11:00:00+05:00")).orElseThrow().overdue())
        .as("a hearing is no legal deadline").isFalse();

    ClockUtil.setCurrentTime(Date.from(at("2026-11-28T13:00:00+05:00")));
    complete(pi, "RecordVerdict", Map.of("verdict", "FINE", "fineMci", 20,
        "rulingServedAt", "2026-11-28T12:00:00+05:00"));
    ProcessInstance appeal = called(pi, "appeal");
    runJobs(appeal, "WorkOutAppealDeadline");
    CaseSummary appealing = row(caseNumber);
    assertThat(appealing.stage()).isEqualTo("DecideAppeal");
    assertNext(appealing, What.APPEAL_DEADLINE, (String) runtime.getVariable(appeal.getId(), "appealDeadline"));

    complete(appeal, "DecideAppeal", Map.of("appeal", false));
    ProcessInstance payment = called(pi, "fine-payment");
    runJobs(payment, "WorkOutPaymentDue");
    CaseSummary paying = row(caseNumber);
    assertThat(paying.stage()).isEqualTo("ApproveFinePayment");
    assertNext(paying, What.PAYMENT_DUE, (String) runtime.getVariable(payment.getId(), "paymentDueAt"));

    ClockUtil.setCurrentTime(Date.from(at("2026-11-29T12:00:00+05:00")));
    complete(payment, "ApproveFinePayment", Map.of("approved", true, "approvalNote", "emergency grant"));
    complete(payment, "PayFine", Map.of("paidAt", "2026-11-29T11:30:00+05:00", "paymentReference", "KASPI-1"));
    CaseSummary paid = row(caseNumber);
    assertThat(paid.stage()).isEqualTo("CloseCase");
    assertThat(paid.nextDeadline()).isNull();

    complete(pi, "CloseCase", Map.of("closingSummary", "Fined 20 MCI; paid."));
    CaseSummary closed = row(caseNumber);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.stage()).isEqualTo("CLOSED");
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.overdue()).isFalse();
  }

  private CaseSummary row(String caseNumber) {
    return summaries.find(caseNumber, NOW).orElseThrow();
  }

  private static void assertNext(CaseSummary row, What what, String dueAt) {
    assertThat(row.nextDeadline().what()).isEqualTo(what);
    assertThat(row.nextDeadline().dueAt().toInstant()).isEqualTo(OffsetDateTime.parse(dueAt).toInstant());
  }
}
