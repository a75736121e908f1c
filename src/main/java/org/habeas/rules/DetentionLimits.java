package org.habeas.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.habeas.casefile.InvalidCaseDataException;
import org.habeas.casefile.Jurisdiction;
import org.springframework.stereotype.Component;

/** The legal detention limit of a case, from the {@code detention-limit} rule table. */
@Component
public class DetentionLimits {

  /** What the rule table says for one detention. */
  public record DetentionLimit(Duration limit, String basis, boolean settled) {
    public Instant deadline(Instant apprehendedAt) {
      return apprehendedAt.plus(limit);
    }
  }

  private final RuleTables rules;

  public DetentionLimits(RuleTables rules) {
    this.rules = rules;
  }

  /** The rule in force on the day of apprehension, in the case's time zone; refused when none is. */
  public DetentionLimit forDetention(Jurisdiction jurisdiction, String proceeding, Instant apprehendedAt) {
    LocalDate apprehendedOn = apprehendedAt.atZone(jurisdiction.zone()).toLocalDate();
    return rules.row("detention-limit", Map.of("jurisdiction", jurisdiction.name(), "proceeding", proceeding,
            "apprehendedOn", apprehendedOn))
        .map(rule -> new DetentionLimit(Duration.parse(rule.getEntry("limit")), rule.getEntry("basis"),
            rule.getEntry("settled")))
        .orElseThrow(() -> InvalidCaseDataException.of("jurisdiction", "Habeas has no detention rule for "
            + jurisdiction + " (" + proceeding + ") on " + apprehendedOn));
  }
}
