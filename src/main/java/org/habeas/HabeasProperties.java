package org.habeas;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The {@code habeas.*} settings. The bean is named {@code habeas} so that BPMN expressions read them
 * directly, e.g. {@code ${habeas.mail.retry}}.
 */
@Component("habeas")
@ConfigurationProperties(prefix = "habeas")
public class HabeasProperties {

  /** Where people reach Habeas; links in e-mails start with it. */
  private String baseUrl = "http://localhost:8080";

  /** Camunda group whose members are told of every new case besides the coordinators. */
  private String dutyGroup = "duty";

  private final Sla sla = new Sla();
  private final Reminders reminders = new Reminders();
  private final Mail mail = new Mail();
  private final Fines fines = new Fines();

  public String getBaseUrl() { return baseUrl; }
  public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
  public String getDutyGroup() { return dutyGroup; }
  public void setDutyGroup(String dutyGroup) { this.dutyGroup = dutyGroup; }
  public Sla getSla() { return sla; }
  public Reminders getReminders() { return reminders; }
  public Mail getMail() { return mail; }
  public Fines getFines() { return fines; }

  public static class Sla {
    /** How long a new case may wait for a lawyer before managers are alerted. */
    private Duration assignLawyer = Duration.ofMinutes(30);

    public Duration getAssignLawyer() { return assignLawyer; }
    public void setAssignLawyer(Duration assignLawyer) { this.assignLawyer = assignLawyer; }
  }

  public static class Reminders {
    /** How long before a court hearing the lawyer is reminded of it. */
    private Duration hearing = Duration.ofHours(2);
    /** How long before the appeal deadline the lawyer is reminded of it. */
    private Duration appeal = Duration.ofDays(3);
    /** How long before a fine falls due the coordinators are reminded to pay it. */
    private Duration payment = Duration.ofDays(7);

    public Duration getHearing() { return hearing; }
    public void setHearing(Duration hearing) { this.hearing = hearing; }
    public Duration getAppeal() { return appeal; }
    public void setAppeal(Duration appeal) { this.appeal = appeal; }
    public Duration getPayment() { return payment; }
    public void setPayment(Duration payment) { this.payment = payment; }
  }

  public static class Fines {
    /**
     * Per currency, the amount above which a manager must approve paying a fine; overrides the
     * {@code fine-approval-threshold} rule table, e.g. {@code habeas.fines.approval-threshold.KZT=100000}.
     */
    private final java.util.Map<String, Long> approvalThreshold = new java.util.HashMap<>();

    public java.util.Map<String, Long> getApprovalThreshold() { return approvalThreshold; }
  }

  public static class Mail {
    /** Retry cycle of a notification that could not be sent (ISO-8601 repeat), then an incident. */
    private String retry = "R5/PT1M";
    /** Sender address of notifications. */
    private String from = "habeas@habeas.local";
    /** Whether e-mails may name the defender, their health, threats and place of detention. */
    private boolean includePersonalData = false;

    public String getRetry() { return retry; }
    public void setRetry(String retry) { this.retry = retry; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public boolean isIncludePersonalData() { return includePersonalData; }
    public void setIncludePersonalData(boolean includePersonalData) { this.includePersonalData = includePersonalData; }
  }
}
