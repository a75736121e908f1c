package org.habeas.rules;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.habeas.engine.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** The rule tables of {@code processes/*.dmn}: one row applies, or none. */
@Component
public class RuleTables {

  private final DecisionService decisions;
  private final WithoutAuthorization habeas;

  public RuleTables(DecisionService decisions, WithoutAuthorization habeas) {
    this.decisions = decisions;
    this.habeas = habeas;
  }

  /** The row of the table {@code key} that applies to the inputs, if any. */
  public Optional<DmnDecisionRuleResult> row(String key, Map<String, Object> inputs) {
    return Optional.ofNullable(habeas.call(() -> decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult()));
  }
}
