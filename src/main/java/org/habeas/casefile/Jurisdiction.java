package org.habeas.casefile;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The jurisdictions Habeas has rules for. Legal figures live in the DMN tables in {@code processes/};
 * this says only how a case there is kept: its time zone and its currency.
 */
public enum Jurisdiction {
  /** All of Kazakhstan is on UTC+5 since 1 March 2024; Asia/Almaty carries that change. */
  KZ("Asia/Almaty", "KZT"),
  /** Russia spans eleven zones; cases are kept in Moscow time, where most hotlines work. */
  RU("Europe/Moscow", "RUB");

  private final ZoneId zone;
  private final String currency;

  Jurisdiction(String zone, String currency) {
    this.zone = ZoneId.of(zone);
    this.currency = currency;
  }

  public ZoneId zone() {
    return zone;
  }

  public String currency() {
    return currency;
  }

  public static Optional<Jurisdiction> find(String code) {
    return Arrays.stream(values()).filter(j -> j.name().equals(code)).findFirst();
  }

  /** The jurisdiction of a case, read from its {@code jurisdiction} variable. */
  public static Jurisdiction of(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return valueOf((String) scope.getVariable("jurisdiction"));
  }
}
