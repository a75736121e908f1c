package org.habeas.notify;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.habeas.casefile.CaseTime;
import org.habeas.casefile.Jurisdiction;

/** The facts of a case that a notice may quote, with times shown in the case's time zone. */
public class CaseFacts {

  private final VariableScope scope;

  CaseFacts(VariableScope scope) {
    this.scope = scope;
  }

  /** A variable as text, or "not recorded". */
  public String text(String name) {
    return Optional.ofNullable(scope.getVariable(name)).map(Object::toString).filter(s -> !s.isBlank())
        .orElse("not recorded");
  }

  /** A note on its own line, or nothing when there is none. */
  public String note(String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : "\nNote: " + value;
  }

  /** A date-time variable in words, in the case's time zone. */
  public String time(String name) {
    Object value = scope.getVariable(name);
    return value == null ? "not recorded"
        : CaseTime.readable(OffsetDateTime.parse(value.toString()).toInstant(), Jurisdiction.of(scope).zone());
  }
}
