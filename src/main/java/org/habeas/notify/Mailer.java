package org.habeas.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.habeas.HabeasProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a notice as one e-mail, its recipients in Bcc so they do not see each other. Without an SMTP
 * server ({@code spring.mail.host} unset) it only records and logs that the notice is due.
 */
@Component
public class Mailer {

  static final String EMAIL = "email";
  static final String LOG_ONLY = "log";

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final HabeasProperties habeas;

  public Mailer(ObjectProvider<JavaMailSender> sender, HabeasProperties habeas) {
    this.sender = sender.getIfAvailable();
    this.habeas = habeas;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void sayWhereNotificationsGo() {
    if (sender == null) {
      log.warn("No SMTP server is configured (spring.mail.host): notifications are NOT e-mailed; they are "
          + "recorded in each case's record and in this log. Set spring.mail.host and spring.mail.port to send them.");
    } else {
      log.info("Notifications are e-mailed from {} through the SMTP server set in spring.mail.*",
          habeas.getMail().getFrom());
    }
  }

  /** Sends the mail and returns the channel it went by. Failures propagate, so the step is retried. */
  public String send(List<String> recipients, String subject, String body) {
    if (sender == null) {
      log.info("Notification not e-mailed (no SMTP server): '{}' for {}", subject, recipients);
      return LOG_ONLY;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, "UTF-8");
      mail.setFrom(habeas.getMail().getFrom());
      mail.setBcc(recipients.toArray(String[]::new));
      mail.setSubject(subject);
      mail.setText(body);
      message.setHeader("Auto-Submitted", "auto-generated");
      sender.send(message);
      return EMAIL;
    } catch (MessagingException e) {
      throw new MailSendException("Could not build the notification e-mail", e);
    }
  }
}
