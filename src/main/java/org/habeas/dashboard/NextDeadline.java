package org.habeas.dashboard;

import java.time.OffsetDateTime;

/** The earliest deadline of a case that is still pending. */
public record NextDeadline(What what, OffsetDateTime dueAt) {

  /** Which deadline. */
  public enum What { DETENTION_LIMIT, HEARING, APPEAL_DEADLINE, PAYMENT_DUE }
}
