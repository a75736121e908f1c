package org.habeas.notify;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.habeas.HabeasProperties;
import org.habeas.casefile.CaseTime;
import org.habeas.notify.NotificationLog.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the notice named by the step's {@code notice} input to its audience and records it with the
 * case. Runs as an asynchronous step: a failure is retried ({@code habeas.mail.retry}) and then shows
 * as an incident, while the case goes on. A step that already sent its notice does not send it again.
 */
@Component("sendNotice")
public class SendNotice implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendNotice.class);

  private static final String[] PERSONAL_DATA = {"defenderName", "organisation", "placeOfDetention",
      "healthNeeds", "safetyConcern"};

  private final Recipients recipients;
  private final Mailer mailer;
  private final NotificationLog notifications;
  private final HabeasProperties habeas;

  public SendNotice(Recipients recipients, Mailer mailer, NotificationLog notifications, HabeasProperties habeas) {
    this.recipients = recipients;
    this.mailer = mailer;
    this.notifications = notifications;
    this.habeas = habeas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String caseNumber = execution.getProcessBusinessKey();
    String step = execution.getCurrentActivityId();
    if (notifications.alreadySent(caseNumber, step)) {
      log.info("{} of case {} was already sent; not sending it again", notice, caseNumber);
      return;
    }
    List<String> to = recipients.of(notice.audience(), execution);
    if (to.isEmpty()) {
      log.warn("{} of case {} has nobody to go to: no user with an e-mail address in its audience", notice, caseNumber);
      return;
    }
    String subject = notice.subject(caseNumber);
    String channel = mailer.send(to, subject, body(notice, caseNumber, new CaseFacts(execution)));
    var sentAt = CaseTime.now();
    notifications.record(to.stream()
        .map(recipient -> new Entry(caseNumber, step, notice.name(), recipient, channel, subject, sentAt)).toList());
    log.info("{} of case {} went to {} recipient(s) by {}", notice, caseNumber, to.size(), channel);
  }

  private String body(Notice notice, String caseNumber, CaseFacts facts) {
    StringBuilder body = new StringBuilder()
        .append("Case ").append(caseNumber).append("\n\n")
        .append(notice.body(facts)).append("\n\n");
    if (habeas.getMail().isIncludePersonalData()) {
      body.append("Personal data (habeas.mail.include-personal-data is on):\n");
      for (String field : PERSONAL_DATA) {
        body.append("  ").append(field).append(": ").append(facts.text(field)).append('\n');
      }
      body.append('\n');
    }
    return body.append("Open Habeas: ").append(habeas.getBaseUrl()).append("/camunda/app/tasklist/\n")
        .append("This message never contains the defender's personal data unless your organisation turned it on.\n")
        .toString();
  }
}
