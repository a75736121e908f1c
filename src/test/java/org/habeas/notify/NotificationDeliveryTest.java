package org.habeas.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasProperties;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** How notifications survive a failing mail server, retries, and what they may say. */
class NotificationDeliveryTest extends HabeasTest {

  @Autowired NotificationLog notifications;
  @Autowired HabeasProperties habeas;

  @Test
  void failingSmtpServer_leavesAnIncidentAfterFiveTries_theCaseGoesOn_andARetrySends() {
    ProcessInstance pi = startCase(alert());
    greenMail.stop();
    Job job = job(pi, "Notify_CaseOpened");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
    }
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Notify_CaseOpened");
    assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");

    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    assertThat(pi).isWaitingAt("VisitDetainee");

    greenMail.start();
    management.setJobRetries(job.getId(), 1);
    runJobs(pi, "Notify_CaseOpened");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(recipientsOf(pi.getBusinessKey(), "new detention reported"))
        .containsExactly("coordinator@habeas.local", "lawyer1@habeas.local");
  }

  @Test
  void aStepRunAgainAfterItSent_doesNotSendTwice_andTheCaseRecordShowsWhatWentToWhom() {
    ProcessInstance pi = startCase(alert());
    runJobs(pi, "Notify_CaseOpened");
    runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Notify_CaseOpened").execute();
    runJobs(pi, "Notify_CaseOpened");

    assertThat(mailsOf(pi.getBusinessKey())).hasSize(2);
    assertThat(notifications.forCase(pi.getBusinessKey()))
        .extracting(NotificationLog.Entry::notice, NotificationLog.Entry::recipient, NotificationLog.Entry::channel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CASE_OPENED", "coordinator@habeas.local", "email"),
            org.assertj.core.groups.Tuple.tuple("CASE_OPENED", "lawyer1@habeas.local", "email"));
    assertThat(notifications.forCase(pi.getBusinessKey())).allSatisfy(e -> assertThat(e.sentAt()).isEqualTo(NOW));
  }

  @Test
  void personalDataIsMailedOnlyWhenTheOrganisationTurnsItOn() {
    habeas.getMail().setIncludePersonalData(true);
    try {
      ProcessInstance pi = startCase(alert());
      runJobs(pi, "Notify_CaseOpened");
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
