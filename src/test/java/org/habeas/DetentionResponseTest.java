package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.casefile.InvalidCaseDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of {@code detention-response}, driven through the engine with its timers and e-mails. */
class DetentionResponseTest extends HabeasTest {

  private static final Map<String, Object> NOT_CHARGED =
      Map.of("charged", false, "conditions", "held in a cell with others", "safetyRisk", false);
  private static final Map<String, Object> CHARGED =
      Map.of("charged", true, "chargeArticle", "434(1) CoAO", "conditions", "held alone", "safetyRisk", false);

  @Test
  void notChargedAndReleasedInTime_isClosedAndManagersAreTold() {
    ProcessInstance pi = startCase(alert());
    String caseNumber = pi.getBusinessKey();
    assertThat(caseNumber).matches("KZ-2026-\\d{5}");
    assertThat(pi).hasPassed("Notify_CaseOpened").isWaitingAt("AssignLawyer", "Gateway_ReleaseOrLimit")
        .variables().containsEntry("caseNumber", caseNumber)
        .containsEntry("detentionDeadline", "2026-11-27T17:00:00+05:00")
        .containsEntry("detentionOverdue", false);

    deliverNotices(pi);
    assertThat(recipientsOf(caseNumber, "new detention reported"))
        .containsExactly("coordinator@habeas.local", "lawyer1@habeas.local");

    runtime.createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(caseNumber)
        .setVariable("releasedAt", "2026-11-27T14:30:00+05:00").correlate();
    assertThat(pi).hasPassed("ReleasedInTime", "End_ReleasedInTime").variables().containsEntry("releasedLate", false);

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer2"));
    assertThat(pi).isWaitingAt("VisitDetainee");
    assertThat(task(pi, "VisitDetainee").getAssignee()).isEqualTo("lawyer2");
    deliverNotices(pi);
    assertThat(recipientsOf(caseNumber, "you are assigned")).containsExactly("lawyer2@habeas.local");

    complete(pi, "VisitDetainee", NOT_CHARGED);
    assertThat(pi).hasNotPassed("Notify_SafetyRisk").isWaitingAt("CloseCase");
    complete(pi, "CloseCase", Map.of("closingSummary", "Released without charge after 2.5 hours."));
    assertThat(pi).isEnded().hasPassed("Notify_CaseClosed", "CaseClosed");
    deliverNotices(pi);
    assertThat(recipientsOf(caseNumber, "case closed")).containsExactly("manager@habeas.local");
  }

  @ParameterizedTest
  @CsvSource({"ACQUITTED, CloseCase", "DISMISSED, CloseCase", "WARNING, CallAppeal", "FINE, CallAppeal",
      "PUBLIC_WORKS, CallAppeal", "ARREST, CallAppeal"})
  void chargedCase_goesThroughHearingAndVerdict_toAppealUnlessAcquittedOrDismissed(String verdict, String next) {
    ProcessInstance pi = assignedCase();
    complete(pi, "VisitDetainee", CHARGED);
    assertThat(pi).isWaitingAt("RecordHearing");
    complete(pi, "RecordHearing", Map.of("court", "Specialized Inter-District Court for Administrative Offences",
        "hearingAt", "2026-11-28T10:00:00+05:00"));
    assertThat(pi).isWaitingAt("RecordVerdict");
    complete(pi, "RecordVerdict", Map.of("verdict", verdict, "fineAmount", 80000, "fineCurrency", "KZT",
        "arrestDays", 10, "rulingServedAt", "2026-11-27T14:30:00+05:00"));
    assertThat(pi).isWaitingAt(next).variables().containsEntry("verdict", verdict)
        .containsEntry("fineAmount", "FINE".equals(verdict) ? 80000L : null)
        .containsEntry("arrestDays", "ARREST".equals(verdict) ? 10 : null);
  }

  @Test
  void detentionLimitPassedBeforeRelease_flagsOverdueAlertsEveryoneAndKeepsWaiting() {
    ProcessInstance pi = assignedCase();
    String caseNumber = pi.getBusinessKey();
    assertThat(job(pi, "Timer_DetentionLimit").getDuedate()).isEqualTo(minute(at("2026-11-27T17:00:00+05:00")));

    ClockUtil.setCurrentTime(Date.from(at("2026-11-27T17:01:00+05:00")));
    runJobs(pi, "Timer_DetentionLimit");
    assertThat(pi).hasPassed("FlagDetentionOverdue").isWaitingAt("ReleasedLate", "VisitDetainee")
        .variables().containsEntry("detentionOverdue", true);
    deliverNotices(pi);
    assertThat(recipientsOf(caseNumber, "held beyond the legal limit"))
        .containsExactly("coordinator@habeas.local", "lawyer1@habeas.local", "manager@habeas.local");

    runtime.createMessageCorrelation("DetaineeReleased").processInstanceBusinessKey(caseNumber)
        .setVariable("releasedAt", "2026-11-27T17:00:30+05:00").correlate();
    assertThat(pi).hasPassed("End_ReleasedLate").variables().containsEntry("releasedLate", true);
    assertThat(pi).isWaitingAt("VisitDetainee");
  }

  @Test
  void nobodyAssignsALawyerInTime_managersAreAlertedAndTheTaskStays() {
    ProcessInstance pi = startCase(alert());
    assertThat(job(pi, "Timer_AssignLawyerSla").getDuedate()).isEqualTo(minute(NOW.plus(Duration.ofMinutes(30))));
    runJobs(pi, "Timer_AssignLawyerSla");
    assertThat(pi).hasPassed("Notify_AssignmentOverdue", "End_AssignmentEscalated").isWaitingAt("AssignLawyer");
    deliverNotices(pi);
    assertThat(recipientsOf(pi.getBusinessKey(), "no lawyer assigned yet")).containsExactly("manager@habeas.local");
  }

  @Test
  void hearingAhead_lawyerIsRemindedTwoHoursBefore() {
    ProcessInstance pi = caseAwaitingVerdict("2026-11-28T10:00:00+05:00");
    assertThat(job(pi, "Timer_HearingReminder").getDuedate()).isEqualTo(minute(at("2026-11-28T08:00:00+05:00")));
    ClockUtil.setCurrentTime(Date.from(at("2026-11-28T08:00:00+05:00")));
    runJobs(pi, "Timer_HearingReminder");
    deliverNotices(pi);
    assertThat(pi).hasPassed("End_LawyerReminded").isWaitingAt("RecordVerdict");
    List<Mail> reminders = mailsOf(pi.getBusinessKey()).stream().filter(m -> m.subject().contains("hearing soon")).toList();
    assertThat(reminders).extracting(Mail::recipient).containsExactly("lawyer1@habeas.local");
    assertThat(reminders.get(0).body()).contains("Sat 28 Nov 2026, 10:00 UTC+05:00");
  }

  @Test
  void hearingRecordedAfterItWasHeld_noReminder() {
    ProcessInstance pi = caseAwaitingVerdict("2026-11-27T14:30:00+05:00");
    runJobs(pi, "Timer_HearingReminder");
    assertThat(pi).hasPassed("End_HearingHeld").hasNotPassed("Notify_HearingReminder").isWaitingAt("RecordVerdict");
  }

  @Test
  void safetyAtRisk_coordinatorsAreAlertedAtOnce() {
    ProcessInstance pi = assignedCase();
    complete(pi, "VisitDetainee", Map.of("charged", true, "chargeArticle", "434(1)", "conditions", "shared cell",
        "safetyRisk", true));
    assertThat(pi).hasPassed("Notify_SafetyRisk").isWaitingAt("RecordHearing");
    deliverNotices(pi);
    assertThat(recipientsOf(pi.getBusinessKey(), "safety at risk")).containsExactly("coordinator@habeas.local");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "KZ, ADMINISTRATIVE, PT3H, +05:00",
      "KZ, CRIMINAL,       PT72H, +05:00",
      "KZ, UNKNOWN,        PT3H, +05:00",
      "RU, ADMINISTRATIVE, PT3H, +03:00",
      "RU, CRIMINAL,       PT48H, +03:00",
      "RU, UNKNOWN,        PT3H, +03:00"})
  void detentionTimer_fallsDueAtTheLegalLimitToTheMinute(String jurisdiction, String proceeding, String limit,
                                                          String offset) {
    ProcessInstance pi = startCase(alert().putValue("jurisdiction", jurisdiction).putValue("proceeding", proceeding)
        .putValue("apprehendedAt", "2026-11-27T09:17:00Z"));
    var deadline = at("2026-11-27T09:17:00Z").plus(Duration.parse(limit));
    assertThat(job(pi, "Timer_DetentionLimit").getDuedate()).isEqualTo(minute(deadline));
    assertThat((String) runtime.getVariable(pi.getId(), "detentionDeadline")).endsWith(offset)
        .satisfies(d -> assertThat(at(d)).isEqualTo(deadline));
  }

  @Test
  void proceedingLeftOut_countsAsUnknownWithTheShortestLimit() {
    ProcessInstance pi = startCase(alert().putValue("proceeding", null));
    assertThat(pi).variables().containsEntry("proceeding", "UNKNOWN").containsEntry("detentionLimit", "PT3H");
  }

  @Test
  void badAlert_isRefusedNamingEveryBadField_andNothingIsCreated() {
    long before = runtime.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> startCase(alert().putValue("jurisdiction", "XX").putValue("apprehendedAt", "21.11.2025 16:00")
        .putValue("defenderName", " ").putValue("proceeding", "CIVIL")))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("jurisdiction: Habeas has no rules for 'XX'")
        .hasMessageContaining("apprehendedAt: must be an ISO-8601 date-time with offset")
        .hasMessageContaining("defenderName: is required")
        .hasMessageContaining("proceeding: must be one of ADMINISTRATIVE, CRIMINAL, UNKNOWN");
    assertThatThrownBy(() -> startCase(alert().putValue("apprehendedAt", "2026-11-27T16:00:00+05:00")))
        .hasMessageContaining("apprehendedAt: lies in the future");
    assertThatThrownBy(() -> startCase(alert().putValue("apprehendedAt", "2026-11-27T14:00:00")))
        .hasMessageContaining("apprehendedAt: must be an ISO-8601 date-time with offset");
    assertThatThrownBy(() -> startCase(alert().putValue("apprehendedAt", "2010-01-01T10:00:00+05:00")))
        .hasMessageContaining("no detention rule for KZ (ADMINISTRATIVE) on 2010-01-01");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void badTaskInput_isRefusedAndTheTaskStays() {
    ProcessInstance pi = startCase(alert());
    assertThatThrownBy(() -> complete(pi, "AssignLawyer", Map.of("lawyer", "coordinator")))
        .rootCause().isInstanceOf(InvalidCaseDataException.class).hasMessage("lawyer: 'coordinator' is not a lawyer in Habeas; lawyers are: lawyer1, lawyer2");
    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    assertThatThrownBy(() -> complete(pi, "VisitDetainee", Map.of("charged", true, "conditions", "")))
        .rootCause().isInstanceOf(InvalidCaseDataException.class).hasMessage("chargeArticle: is required when a charge has been brought; conditions: is required; "
            + "safetyRisk: is required (true or false)");
    complete(pi, "VisitDetainee", CHARGED);
    assertThatThrownBy(() -> complete(pi, "RecordHearing", Map.of("court", "district court", "hearingAt", "tomorrow")))
        .rootCause().isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("hearingAt: must be an ISO-8601 date-time with offset");
    complete(pi, "RecordHearing", Map.of("court", "district court", "hearingAt", "2026-11-27T14:30:00+05:00"));
    assertThatThrownBy(() -> complete(pi, "RecordVerdict", Map.of("verdict", "FINE", "fineAmount", 12.5,
        "fineCurrency", "tenge", "rulingServedAt", "2026-11-28T10:00:00+05:00")))
        .rootCause().isInstanceOf(InvalidCaseDataException.class).hasMessage("fineAmount: must be a whole number; fineCurrency: must be an ISO 4217 currency code such as "
            + "KZT or RUB; rulingServedAt: lies in the future");
    assertThat(pi).isWaitingAt("RecordVerdict");
  }

  @Test
  void releaseBeforeTheApprehension_isRefusedAndTheWatchGoesOn() {
    ProcessInstance pi = startCase(alert());
    assertThatThrownBy(() -> runtime.createMessageCorrelation("DetaineeReleased")
        .processInstanceBusinessKey(pi.getBusinessKey()).setVariable("releasedAt", "2026-11-27T13:00:00+05:00")
        .correlate())
        .hasMessage("releasedAt: lies before the apprehension");
    assertThat(pi).isWaitingAt("Gateway_ReleaseOrLimit");
  }

  @Test
  void noMailCarriesPersonalData() {
    ProcessInstance pi = assignedCase();
    complete(pi, "VisitDetainee", Map.of("charged", false, "conditions", "cold cell", "safetyRisk", true));
    ClockUtil.setCurrentTime(Date.from(at("2026-11-27T18:00:00+05:00")));
    runJobs(pi, "Timer_DetentionLimit");
    deliverNotices(pi);
    List<Mail> mails = mailsOf(pi.getBusinessKey());
    assertThat(mails).extracting(Mail::subject).hasSize(7).allMatch(s -> s.startsWith("[Habeas] " + pi.getBusinessKey()));
    for (Mail mail : mails) {
      PERSONAL_DATA.forEach(word -> assertThat(mail.subject() + mail.body()).doesNotContainIgnoringCase(word));
    }
  }

  /** A new case, assigned to lawyer1, waiting for the visit. */
  private ProcessInstance assignedCase() {
    ProcessInstance pi = startCase(alert());
    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    return pi;
  }

  private ProcessInstance caseAwaitingVerdict(String hearingAt) {
    ProcessInstance pi = assignedCase();
    complete(pi, "VisitDetainee", CHARGED);
    complete(pi, "RecordHearing", Map.of("court", "district court", "hearingAt", hearingAt));
    return pi;
  }
}
