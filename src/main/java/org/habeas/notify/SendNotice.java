package org.habeas.notify;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.habeas.HabeasProperties;
import org.habeas.casefile.PersonalData;
import org.habeas.engine.WithoutAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The send tasks of the case processes: writes the notice named by the step's {@code notice} input for
 * its audience and hands it to a {@code notice} process instance of its own, which e-mails it with
 * retries. So the case never waits for, nor loses, a mail. The notice is written now, from the case as
 * it is at this step, and carries personal data only where {@code habeas.mail.include-personal-data}.
 */
@Component("sendNotice")
public class SendNotice implements JavaDelegate {

  public static final String NOTICE_PROCESS = "notice";

  private static final Logger log = LoggerFactory.getLogger(SendNotice.class);

  private final Recipients recipients;
  private final RuntimeService runtime;
  private final PersonalData personalData;
  private final HabeasProperties habeas;
  private final WithoutAuthorization system;

  public SendNotice(Recipients recipients, RuntimeService runtime, PersonalData personalData, HabeasProperties habeas,
                    WithoutAuthorization system) {
    this.recipients = recipients;
    this.runtime = runtime;
    this.personalData = personalData;
    this.habeas = habeas;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notice notice = Notice.valueOf((String) execution.getVariableLocal("notice"));
    String caseNumber = execution.getProcessBusinessKey();
    List<String> to = recipients.of(notice.audience(), execution);
    if (to.isEmpty()) {
      log.warn("{} of case {} has nobody to go to: no user with an e-mail address in its audience", notice, caseNumber);
      return;
    }
    var variables = Variables.putValue("notice", notice.name())
        .putValue("step", execution.getCurrentActivityId())
        .putValue("recipients", String.join(",", to))
        .putValue("subject", notice.subject(caseNumber))
        .putValue("body", body(notice, caseNumber, new CaseFacts(execution)));
    system.run(() -> runtime.createProcessInstanceByKey(NOTICE_PROCESS).businessKey(caseNumber)
        .setVariables(variables).execute());
  }

  private String body(Notice notice, String caseNumber, CaseFacts facts) {
    StringBuilder body = new StringBuilder()
        .append("Case ").append(caseNumber).append("\n\n")
        .append(notice.body(facts)).append("\n\n");
    if (habeas.getMail().isIncludePersonalData()) {
      body.append("Personal data (habeas.mail.include-personal-data is on):\n");
      personalData.forNotice(caseNumber).forEach((field, value) ->
          body.append("  ").append(field).append(": ").append(value).append('\n'));
      body.append('\n');
    }
    return body.append("Open Habeas: ").append(habeas.getBaseUrl()).append("/camunda/app/tasklist/\n")
        .append("This message never contains the defender's personal data unless your organisation turned it on.\n")
        .toString();
  }
}
