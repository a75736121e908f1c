package org.habeas.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.habeas.casefile.InvalidCaseDataException;
import org.habeas.casefile.Jurisdiction;
import org.springframework.stereotype.Component;

/** The legal detention limit of a case, from the {@code detention-limit} decision table. */
@Component
public class DetentionLimits {

  /** What the rule table says for one detention. */
  public record DetentionLimit(Duration limit, String basis, boolean settled) {
    public Instant deadline(Instant apprehendedAt) {
      return apprehendedAt.plus(limit);
    }
  }

  private final DecisionService decisions;

  public DetentionLimits(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The rule in force on the day of apprehension, in the case's time zone; refused when none is. */
  public DetentionLimit forDetention(Jurisdiction jurisdiction, String proceeding, Instant apprehendedAt) {
    LocalDate apprehendedOn = apprehendedAt.atZone(jurisdiction.zone()).toLocalDate();
    DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey("detention-limit",
            Variables.putValue("jurisdiction", jurisdiction.name())
                .putValue("proceeding", proceeding)
                .putValue("apprehendedOn", apprehendedOn))
        .getSingleResult();
    if (rule == null) {
      throw InvalidCaseDataException.of("jurisdiction", "Habeas has no detention rule for " + jurisdiction
          + " (" + proceeding + ") on " + apprehendedOn);
    }
    return new DetentionLimit(Duration.parse(rule.getEntry("limit")), rule.getEntry("basis"),
        rule.getEntry("settled"));
  }
}
