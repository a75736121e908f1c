package org.habeas.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.habeas.casefile.InvalidCaseDataException.FieldProblem;

/**
 * Reads the variables of a step, as forms and REST clients send them, into the types Habeas works
 * with. Every problem is collected, so that {@link #validate()} refuses the input once, naming each bad
 * field. Blank text counts as missing (Tasklist sends empty fields as "").
 */
public final class CaseData {

  /** What Camunda keeps in a string variable column. */
  public static final int MAX_TEXT = 4000;

  /** How far ahead of the server's clock a reported past time may be. */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final VariableScope scope;
  private final List<FieldProblem> problems = new ArrayList<>();

  private CaseData(VariableScope scope) {
    this.scope = scope;
  }

  public static CaseData of(VariableScope scope) {
    return new CaseData(scope);
  }

  /** Text that must be given. */
  public String text(String name) {
    String value = optionalText(name);
    if (value == null && !hasProblem(name)) {
      problem(name, "is required");
    }
    return value;
  }

  /** Text that may be missing: null then. */
  public String optionalText(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problem(name, "must be text");
      return null;
    }
    if (text.length() > MAX_TEXT) {
      problem(name, "must be at most " + MAX_TEXT + " characters");
      return null;
    }
    return text.isBlank() ? null : text.strip();
  }

  /** A yes/no answer that must be given. */
  public Boolean flag(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    problem(name, value == null ? "is required (true or false)" : "must be true or false");
    return null;
  }

  /** A yes/no answer where missing means no. */
  public boolean optionalFlag(String name) {
    return scope.getVariable(name) != null && Boolean.TRUE.equals(flag(name));
  }

  /** A point in time, given as an ISO-8601 date-time with offset, e.g. 2025-11-21T16:00:00+05:00. */
  public Instant instant(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        problem(name, "must be an ISO-8601 date-time with offset, e.g. 2025-11-21T16:00:00+05:00 (got '"
            + abbreviate(text) + "')");
        return null;
      }
    }
    problem(name, value == null || value instanceof String
        ? "is required (an ISO-8601 date-time with offset, e.g. 2025-11-21T16:00:00+05:00)"
        : "must be an ISO-8601 date-time with offset, e.g. 2025-11-21T16:00:00+05:00");
    return null;
  }

  /**
   * A point in time that has already come: what happened (an apprehension, a release, a payment) cannot
   * lie in the future. Phones' clocks differ a little from the server's, hence a few minutes' tolerance.
   */
  public Instant pastInstant(String name) {
    Instant instant = instant(name);
    if (instant != null && instant.isAfter(CaseTime.now().plus(CLOCK_TOLERANCE))) {
      problem(name, "lies in the future");
      return null;
    }
    return instant;
  }

  /** A whole number at least {@code min}; forms send Integer, Long or a whole Double. */
  public Long wholeNumber(String name, long min, long max) {
    Object value = scope.getVariable(name);
    Long number = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.longValue();
    } else if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
      number = Long.parseLong(text.strip());
    }
    if (number == null) {
      problem(name, value == null || "".equals(value) ? "is required (a whole number)" : "must be a whole number");
    } else if (number < min || number > max) {
      problem(name, "must be between " + min + " and " + max);
      number = null;
    }
    return number;
  }

  /** One of the names of an enum. */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problem(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", ")) + " (got '" + abbreviate(value) + "')");
      return null;
    }
  }

  /** Records a problem with a field, unless the field already has one. */
  public void problem(String field, String problem) {
    if (!hasProblem(field)) {
      problems.add(new FieldProblem(field, problem));
    }
  }

  public void check(boolean holds, String field, String problem) {
    if (!holds) {
      problem(field, problem);
    }
  }

  public boolean hasProblem(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  /** Refuses the input if anything was wrong with it. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidCaseDataException(problems);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
