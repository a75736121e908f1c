package org.habeas.rules;

import java.time.LocalDate;
import java.util.Map;
import org.habeas.casefile.Jurisdiction;
import org.habeas.deadlines.LegalPeriod;
import org.springframework.stereotype.Component;

/** The periods of the {@code appeal-period} and {@code fine-payment-period} rule tables. */
@Component
public class LegalPeriods {

  /** A period, the law it rests on, and whether that law is settled or an open point. */
  public record PeriodRule(LegalPeriod period, String basis, boolean settled) {
  }

  private final RuleTables rules;

  public LegalPeriods(RuleTables rules) {
    this.rules = rules;
  }

  /** The appeal period for a ruling served on that day. */
  public PeriodRule appeal(Jurisdiction jurisdiction, LocalDate servedOn) {
    return period("appeal-period", jurisdiction, "servedOn", servedOn);
  }

  /** The payment period of a fine whose ruling entered into force on that day. */
  public PeriodRule finePayment(Jurisdiction jurisdiction, LocalDate inForceOn) {
    return period("fine-payment-period", jurisdiction, "inForceOn", inForceOn);
  }

  private PeriodRule period(String table, Jurisdiction jurisdiction, String dateInput, LocalDate date) {
    return rules.row(table, Map.of("jurisdiction", jurisdiction.name(), dateInput, date))
        .map(rule -> new PeriodRule(new LegalPeriod(rule.<Integer>getEntry("days"),
            LegalPeriod.Counting.valueOf(rule.getEntry("counting")), rule.getEntry("moveOffNonWorkingDay")),
            rule.getEntry("basis"), rule.getEntry("settled")))
        .orElseThrow(() -> new IllegalStateException("The rule table " + table + " has no row for "
            + jurisdiction + " on " + date + "; add one to processes/" + table + ".dmn"));
  }
}
