package org.habeas.rules;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The rule tables of {@code processes/*.dmn}: one row applies, or none. */
@Component
public class RuleTables {

  private final DecisionService decisions;

  public RuleTables(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The row of the table {@code key} that applies to the inputs, if any. */
  public Optional<DmnDecisionRuleResult> row(String key, Map<String, Object> inputs) {
    return Optional.ofNullable(decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult());
  }
}
