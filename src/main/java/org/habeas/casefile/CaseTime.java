package org.habeas.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** How Habeas writes times: ISO-8601 with the case's offset for machines, plain words for people. */
public final class CaseTime {

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'xxx", Locale.ENGLISH);

  private CaseTime() {
  }

  /** Now, on the engine's clock (which tests move). */
  public static Instant now() {
    return ClockUtil.now().toInstant();
  }

  /** E.g. {@code 2025-11-21T19:00:00+05:00}: what deadline variables and timers hold. */
  public static String iso(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  /** E.g. {@code Fri 21 Nov 2025, 19:00 UTC+05:00}: what people read in e-mails. */
  public static String readable(Instant instant, ZoneId zone) {
    return READABLE.format(instant.atZone(zone));
  }
}
