package org.habeas.deadlines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Working days per jurisdiction, from {@code calendars/non-working-days.csv}, and the deadlines of
 * legal periods counted in days (KZ CoAO Art. 739, RU CoAO Art. 4.8).
 *
 * <p>Saturdays and Sundays are days off unless the file lists them as {@code working_weekend}; other
 * days are working days unless it lists them as {@code day_off}. A year for which the file has no row
 * of a jurisdiction is unknown: {@link #isWorkingDay} fails rather than guesses, and a deadline that
 * reaches into it counts only weekends as days off and says so. That errs early, the safe side for the
 * defence: unknown holidays could only have made the deadline later.
 */
@Component
public class LegalCalendar {

  static final String RESOURCE = "calendars/non-working-days.csv";
  private static final String HEADER = "jurisdiction,date,kind,reason";

  /**
   * When a period ends.
   *
   * @param dueAt the end of the period: 24:00 of {@code lastDay} in the case's time zone
   * @param lastDay the last day on which the act can still be done
   * @param moved whether the end was moved off a non-working day to {@code lastDay}
   * @param endsOnNonWorkingDay whether {@code lastDay} is a non-working day that was not moved
   *     (KZ: open legal point, to be shown to users)
   * @param holidaysKnown false when a day of the count lies in a year the calendar does not have, so
   *     public holidays there were not taken into account
   */
  public record Deadline(Instant dueAt, LocalDate lastDay, boolean moved, boolean endsOnNonWorkingDay,
                         boolean holidaysKnown) {
  }

  private enum Kind { DAY_OFF, WORKING_WEEKEND }

  /** Jurisdiction → year → the days that break the weekday/weekend rule. */
  private final Map<String, Map<Integer, Map<LocalDate, Kind>>> exceptions = new HashMap<>();

  /** Loads {@value #RESOURCE} from the classpath. */
  public LegalCalendar() {
    this(open(RESOURCE));
  }

  /** Reads a calendar in the format of {@value #RESOURCE}; refuses it, naming the line, if it is malformed. */
  LegalCalendar(Reader csv) {
    try (BufferedReader lines = new BufferedReader(csv)) {
      boolean headerSeen = false;
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (!headerSeen) {
          if (!line.equals(HEADER)) {
            throw malformed(number, "expected the header '" + HEADER + "'");
          }
          headerSeen = true;
        } else {
          add(number, fields(number, line));
        }
      }
      if (!headerSeen) {
        throw malformed(number, "no header '" + HEADER + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calendar of non-working days", e);
    }
  }

  /**
   * Whether {@code day} is a working day in {@code jurisdiction}.
   *
   * @throws IllegalStateException when the calendar has no data for that jurisdiction and year
   */
  public boolean isWorkingDay(String jurisdiction, LocalDate day) {
    Map<LocalDate, Kind> year = exceptions.getOrDefault(jurisdiction, Map.of()).get(day.getYear());
    if (year == null) {
      throw new IllegalStateException("no calendar of non-working days for " + jurisdiction + " "
          + day.getYear() + "; add it to " + RESOURCE);
    }
    Kind kind = year.get(day);
    return kind == null ? !isWeekend(day) : kind == Kind.WORKING_WEEKEND;
  }

  /**
   * The deadline of {@code period} running from the event at {@code start}. Day 1 is the day after the
   * event's local date in {@code zone}; the period ends at 24:00 of its last day (KZ CoAO Art. 739,
   * RU CoAO Art. 4.8(3), (3.1)).
   *
   * @throws IllegalStateException when the calendar has no year at all of that jurisdiction
   */
  public Deadline deadline(String jurisdiction, ZoneId zone, Instant start, LegalPeriod period) {
    if (!exceptions.containsKey(jurisdiction)) {
      throw new IllegalStateException("no calendar of non-working days for " + jurisdiction + "; add it to " + RESOURCE);
    }
    Count count = new Count(jurisdiction);
    LocalDate day = start.atZone(zone).toLocalDate();
    if (period.counting() == LegalPeriod.Counting.CALENDAR) {
      day = day.plusDays(period.days());
    } else {
      for (int left = period.days(); left > 0; ) {
        day = day.plusDays(1);
        if (count.isWorkingDay(day)) {
          left--;
        }
      }
    }
    boolean nonWorking = !count.isWorkingDay(day);
    boolean moved = nonWorking && period.moveOffNonWorkingDay();
    if (moved) {
      do {
        day = day.plusDays(1);
      } while (!count.isWorkingDay(day));
    }
    return new Deadline(day.plusDays(1).atStartOfDay(zone).toInstant(), day, moved, nonWorking && !moved,
        count.holidaysKnown);
  }

  /** The days of one count, remembering whether every one of them was in the calendar. */
  private final class Count {
    private final String jurisdiction;
    private boolean holidaysKnown = true;

    Count(String jurisdiction) {
      this.jurisdiction = jurisdiction;
    }

    boolean isWorkingDay(LocalDate day) {
      if (exceptions.get(jurisdiction).containsKey(day.getYear())) {
        return LegalCalendar.this.isWorkingDay(jurisdiction, day);
      }
      holidaysKnown = false;
      return !isWeekend(day);
    }
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private void add(int number, List<String> fields) {
    if (fields.size() != 4) {
      throw malformed(number, "expected 4 fields (" + HEADER + "), found " + fields.size());
    }
    String jurisdiction = fields.get(0);
    if (jurisdiction.isBlank()) {
      throw malformed(number, "no jurisdiction");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(fields.get(1));
    } catch (DateTimeParseException e) {
      throw malformed(number, "'" + fields.get(1) + "' is not a date like 2026-01-07");
    }
    Kind kind = switch (fields.get(2)) {
      case "day_off" -> Kind.DAY_OFF;
      case "working_weekend" -> Kind.WORKING_WEEKEND;
      default -> throw malformed(number, "kind '" + fields.get(2) + "' is neither day_off nor working_weekend");
    };
    if (isWeekend(date) != (kind == Kind.WORKING_WEEKEND)) {
      throw malformed(number, date + " is a " + date.getDayOfWeek() + ", so it cannot be " + fields.get(2));
    }
    Kind earlier = exceptions.computeIfAbsent(jurisdiction, j -> new HashMap<>())
        .computeIfAbsent(date.getYear(), y -> new HashMap<>())
        .putIfAbsent(date, kind);
    if (earlier != null) {
      throw malformed(number, jurisdiction + " " + date + " is listed twice");
    }
  }

  /** The fields of one CSV line: comma-separated, optionally in double quotes, "" for a quote inside. */
  private static List<String> fields(int number, String line) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < line.length() && line.charAt(i) == '"') {
        for (i++; ; i++) {
          if (i >= line.length()) {
            throw malformed(number, "a quoted field is not closed");
          }
          if (line.charAt(i) == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              i++;
            } else {
              i++;
              break;
            }
          }
          field.append(line.charAt(i));
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw malformed(number, "text after a closing quote");
        }
      } else {
        for (; i < line.length() && line.charAt(i) != ','; i++) {
          if (line.charAt(i) == '"') {
            throw malformed(number, "a quote inside an unquoted field");
          }
          field.append(line.charAt(i));
        }
      }
      fields.add(field.toString());
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }

  private static IllegalStateException malformed(int number, String problem) {
    return new IllegalStateException(RESOURCE + " line " + number + ": " + problem);
  }

  private static Reader open(String resource) {
    InputStream in = LegalCalendar.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
