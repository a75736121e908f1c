package org.habeas.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasProperties;
import org.habeas.HabeasTest;
import org.habeas.dashboard.CaseSummaries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** How notifications survive a failing mail server, retries, and what they may say. */
class NotificationDeliveryTest extends HabeasTest {

  @Autowired NotificationLog notifications;
  @Autowired HabeasProperties habeas;
  @Autowired CaseSummaries caseList;

  @Test
  void failingSmtpServer_leavesAnIncidentAfterFiveTries_theCaseGoesOn_andARetrySends() {
    ProcessInstance pi = startCase(alert());
    greenMail.stop();
    ProcessInstance notice = notices(pi).get(0);
    Job job = job(notice, "MailNotice");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
    }
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().processInstanceId(notice.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("MailNotice");
    assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
    assertThat(caseList.find(pi.getBusinessKey(), NOW).orElseThrow().incidents()).as("failed notices on the case list")
        .isEqualTo(1);

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    assertThat(pi).isWaitingAt("VisitDetainee");

    greenMail.start();
    management.setJobRetries(job.getId(), 1);
    runJobs(notice, "MailNotice");
    assertThat(runtime.createIncidentQuery().processInstanceId(notice.getId()).count()).isZero();
    assertThat(caseList.find(pi.getBusinessKey(), NOW).orElseThrow().incidents()).isZero();
    assertThat(recipientsOf(pi.getBusinessKey(), "new detention reported"))
        .containsExactly("coordinator@habeas.local", "lawyer1@habeas.local");
  }

  @Test
  void aNoticeRetriedAfterItWentOut_isNotSentAgain_andTheCaseRecordShowsWhatWentToWhom() {
    ProcessInstance pi = startCase(alert());
    ProcessInstance notice = notices(pi).get(0);
    // as if an earlier attempt had sent the mail and recorded it, then lost its commit
    notifications.record(List.of(new NotificationLog.Entry(notice.getId(), pi.getBusinessKey(), "Notify_CaseOpened",
        "CASE_OPENED", "coordinator@habeas.local", "email", "[Habeas] " + pi.getBusinessKey(), NOW)));
    deliverNotices(pi);
    assertThat(mailsOf(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi)).isEmpty();

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer2"));
    deliverNotices(pi);
    assertThat(notifications.forCase(pi.getBusinessKey()))
        .extracting(NotificationLog.Entry::step, NotificationLog.Entry::recipient, NotificationLog.Entry::channel)
        .containsExactly(
            tuple("Notify_CaseOpened", "coordinator@habeas.local", "email"),
            tuple("Notify_LawyerAssigned", "lawyer2@habeas.local", "email"));
    assertThat(notifications.forCase(pi.getBusinessKey())).allSatisfy(e -> assertThat(e.sentAt()).isEqualTo(NOW));
  }

  @Test
  void personalDataIsMailedOnlyWhenTheOrganisationTurnsItOn() {
    habeas.getMail().setIncludePersonalData(true);
    try {
      ProcessInstance pi = startCase(alert());
      deliverNotices(pi);
      assertThat(mailsOf(pi.getBusinessKey())).allSatisfy(mail -> assertThat(mail.body())
          .contains("Ardzh Tursynkan", "Police precinct, Saryarka district, Astana", "threatened with sexual violence"));
    } finally {
      habeas.getMail().setIncludePersonalData(false);
    }
  }

  @Test
  void withoutAnSmtpServer_noticesAreRecordedAsNotMailed() {
    ObjectProvider<JavaMailSender> none = new org.springframework.beans.factory.support.StaticListableBeanFactory()
        .getBeanProvider(JavaMailSender.class);
    Mailer mailer = new Mailer(none, new HabeasProperties());
    assertThat(mailer.send(List.of("coordinator@habeas.local"), "subject", "body")).isEqualTo(Mailer.LOG_ONLY);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }
}
