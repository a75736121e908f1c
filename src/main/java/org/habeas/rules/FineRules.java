package org.habeas.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.habeas.HabeasProperties;
import org.springframework.stereotype.Component;

/**
 * Fines: the approval threshold per currency ({@code fine-approval-threshold}, which
 * {@code habeas.fines.approval-threshold.CURRENCY} overrides) and Kazakhstan's monthly calculation
 * index ({@code monthly-calculation-index}).
 */
@Component
public class FineRules {

  private final RuleTables rules;
  private final HabeasProperties habeas;

  public FineRules(RuleTables rules, HabeasProperties habeas) {
    this.rules = rules;
    this.habeas = habeas;
  }

  /** The amount above which paying a fine needs a manager's approval; empty: it always does. */
  public Optional<Long> approvalThreshold(String currency, LocalDate decidedOn) {
    Long override = habeas.getFines().getApprovalThreshold().get(currency);
    return override != null ? Optional.of(override)
        : rules.row("fine-approval-threshold", Map.of("currency", currency, "decidedOn", decidedOn))
            .map(rule -> rule.<Number>getEntry("threshold").longValue());
  }

  /** Kazakhstan's MCI in tenge on the day proceedings were opened; empty where the table has no year. */
  public Optional<Long> monthlyCalculationIndex(LocalDate openedOn) {
    return rules.row("monthly-calculation-index", Map.of("openedOn", openedOn))
        .map(rule -> rule.<Number>getEntry("mci").longValue());
  }
}
