package org.habeas.casefile;

import java.time.Instant;
import java.time.Year;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.habeas.rules.DetentionLimits;
import org.habeas.rules.DetentionLimits.DetentionLimit;
import org.springframework.stereotype.Component;

/**
 * Opens a case from an alert: checks the start variables, gives the case its number (the business
 * key), sets the detention deadline from the jurisdiction's rules and seals the defender's personal
 * data. Runs in the start transaction, so a refused alert creates nothing and no personal data is
 * ever written as a Camunda variable.
 */
@Component("openCase")
public class OpenCase implements JavaDelegate {

  /** What is known of the proceeding when the alert comes in. */
  public enum Proceeding { ADMINISTRATIVE, CRIMINAL, UNKNOWN }

  private final CaseNumbers caseNumbers;
  private final DetentionLimits detentionLimits;
  private final PersonalData personalData;

  public OpenCase(CaseNumbers caseNumbers, DetentionLimits detentionLimits, PersonalData personalData) {
    this.caseNumbers = caseNumbers;
    this.detentionLimits = detentionLimits;
    this.personalData = personalData;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseData alert = CaseData.of(execution);
    String code = alert.text("jurisdiction");
    Jurisdiction jurisdiction = code == null ? null : Jurisdiction.find(code).orElse(null);
    if (code != null && jurisdiction == null) {
      alert.problem("jurisdiction", "Habeas has no rules for '" + code + "'; known: KZ, RU");
    }
    Instant apprehendedAt = alert.pastInstant("apprehendedAt");
    Instant now = CaseTime.now();
    Proceeding proceeding = execution.getVariable("proceeding") == null
        ? Proceeding.UNKNOWN : alert.choice("proceeding", Proceeding.class);
    alert.text("defenderName");
    for (String field : new String[] {"reportedBy", "location", "placeOfDetention", "suspectedOffence",
        "summary", "organisation", "healthNeeds", "safetyConcern", "incidentId"}) {
      alert.optionalText(field);
    }
    alert.optionalFlag("disability");
    alert.validate();

    DetentionLimit limit = detentionLimits.forDetention(jurisdiction, proceeding.name(), apprehendedAt);
    String caseNumber = caseNumbers.next(jurisdiction, Year.from(now.atZone(jurisdiction.zone())));
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable("caseNumber", caseNumber);
    execution.setVariable("proceeding", proceeding.name());
    execution.setVariable("openedAt", CaseTime.iso(now, jurisdiction.zone()));
    execution.setVariable("detentionLimit", limit.limit().toString());
    execution.setVariable("detentionLimitBasis", limit.basis());
    execution.setVariable("detentionLimitSettled", limit.settled());
    execution.setVariable("detentionDeadline", CaseTime.iso(limit.deadline(apprehendedAt), jurisdiction.zone()));
    execution.setVariable("detentionOverdue", false);
    personalData.seal(execution, caseNumber);
  }
}
