package org.habeas.notify;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.habeas.casefile.CaseTime;
import org.habeas.notify.NotificationLog.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mails one notice and records it with the case. A failure propagates, so the step is retried and
 * then shows as an incident; a notice already sent (a retry after a lost commit) is not sent again.
 */
@Component("mailNotice")
public class MailNotice implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(MailNotice.class);

  private final Mailer mailer;
  private final NotificationLog notifications;

  public MailNotice(Mailer mailer, NotificationLog notifications) {
    this.mailer = mailer;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String noticeId = execution.getProcessInstanceId();
    String caseNumber = execution.getProcessBusinessKey();
    String notice = (String) execution.getVariable("notice");
    if (notifications.alreadySent(noticeId)) {
      log.info("{} of case {} was already sent; not sending it again", notice, caseNumber);
      return;
    }
    List<String> to = Arrays.asList(((String) execution.getVariable("recipients")).split(","));
    String subject = (String) execution.getVariable("subject");
    String channel = mailer.send(to, subject, (String) execution.getVariable("body"));
    Instant sentAt = CaseTime.now();
    String step = (String) execution.getVariable("step");
    notifications.record(to.stream()
        .map(recipient -> new Entry(noticeId, caseNumber, step, notice, recipient, channel, subject, sentAt)).toList());
    log.info("{} of case {} went to {} recipient(s) by {}", notice, caseNumber, to.size(), channel);
  }
}
