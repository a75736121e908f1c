package org.habeas.deadlines;

import java.util.Objects;

/**
 * A legal period counted in days, e.g. "10 days from service of the ruling" (KZ CoAO Art. 739,
 * RU CoAO Art. 4.8). Named so as not to clash with {@link java.time.Period}.
 *
 * @param days how many days; at least 1
 * @param counting whether every day counts or only working days
 * @param moveOffNonWorkingDay whether an end on a non-working day moves to the next working day
 *     (RU CoAO Art. 4.8(3.1) since 29 Oct 2024); when false such an end stays and is flagged
 *     (KZ CoAO Art. 739: open point)
 */
public record LegalPeriod(int days, Counting counting, boolean moveOffNonWorkingDay) {

  /** Which days a period counts. */
  public enum Counting {
    /** Every day, e.g. a KZ appeal (Art. 739(1)) or a fine payment (KZ Art. 893(1), RU Art. 32.2(1)). */
    CALENDAR,
    /** Only working days of the jurisdiction, e.g. the KZ 50 % discount (Art. 810). */
    WORKING
  }

  public LegalPeriod {
    Objects.requireNonNull(counting, "counting");
    if (days < 1) {
      throw new IllegalArgumentException("a legal period lasts at least 1 day, not " + days);
    }
  }
}
