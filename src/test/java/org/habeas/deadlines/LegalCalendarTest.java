package org.habeas.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.habeas.deadlines.LegalPeriod.Counting.CALENDAR;
import static org.habeas.deadlines.LegalPeriod.Counting.WORKING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.habeas.deadlines.LegalCalendar.Deadline;
import org.junit.jupiter.api.Test;

/** Deadlines against the real {@code calendars/non-working-days.csv}, to the day and the hour. */
class LegalCalendarTest {

  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  /** KZ appeal: 10 days, calendar time, an end on a day off is flagged, not moved (Art. 739). */
  private static final LegalPeriod KZ_APPEAL = new LegalPeriod(10, CALENDAR, false);
  /** RU appeal: 10 days, an end on a non-working day moves (Art. 30.3(1), 4.8(3.1)). */
  private static final LegalPeriod RU_APPEAL = new LegalPeriod(10, CALENDAR, true);

  private final LegalCalendar calendar = new LegalCalendar();

  private static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  private static Deadline due(String lastDay, String dueAt, boolean moved, boolean endsOnNonWorkingDay) {
    return new Deadline(at(dueAt), LocalDate.parse(lastDay), moved, endsOnNonWorkingDay, true);
  }

  @Test
  void kzRulingServedOnFridayRunsTenCalendarDaysFromSaturday() {
    assertThat(calendar.deadline("KZ", ALMATY, at("2025-11-21T15:00+05:00"), KZ_APPEAL))
        .isEqualTo(due("2025-12-01", "2025-12-02T00:00+05:00", false, false));
  }

  @Test
  void kzPeriodEndingAfterIndependenceDayIsNotAffectedByIt() {
    assertThat(calendar.deadline("KZ", ALMATY, at("2025-12-08T11:00+05:00"), KZ_APPEAL))
        .isEqualTo(due("2025-12-18", "2025-12-19T00:00+05:00", false, false));
  }

  @Test
  void kzPeriodEndingOnIndependenceDayIsFlaggedNotMoved() {
    assertThat(calendar.deadline("KZ", ALMATY, at("2025-12-06T10:00+05:00"), KZ_APPEAL))
        .isEqualTo(due("2025-12-16", "2025-12-17T00:00+05:00", false, true));
  }

  @Test
  void ruPeriodEndingOnNewYearMovesToFirstWorkingDayOf2026() {
    for (LocalDate day = LocalDate.of(2026, 1, 1); day.getDayOfMonth() <= 11; day = day.plusDays(1)) {
      assertThat(calendar.isWorkingDay("RU", day)).as("RU %s", day).isFalse();
    }
    assertThat(calendar.isWorkingDay("RU", LocalDate.of(2026, 1, 12))).isTrue();

    assertThat(calendar.deadline("RU", MOSCOW, at("2025-12-22T12:00+03:00"), RU_APPEAL))
        .isEqualTo(due("2026-01-12", "2026-01-13T00:00+03:00", true, false));
  }

  @Test
  void withoutMovingTheSameEndStaysOnNewYearAndIsFlagged() {
    assertThat(calendar.deadline("RU", MOSCOW, at("2025-12-22T12:00+03:00"), KZ_APPEAL))
        .isEqualTo(due("2026-01-01", "2026-01-02T00:00+03:00", false, true));
  }

  @Test
  void kzPeriodEndingOnNauryzDayThreeIsFlaggedNotMoved() {
    assertThat(calendar.deadline("KZ", ALMATY, at("2026-03-13T16:00+05:00"), KZ_APPEAL))
        .isEqualTo(due("2026-03-23", "2026-03-24T00:00+05:00", false, true));
  }

  @Test
  void workingDaysSkipNauryzAndItsTransfersFrom21To25March2026() {
    // Fri 20 March is day 1; Sat 21 to Wed 25 are all off; Thu 26 is day 2.
    assertThat(calendar.deadline("KZ", ALMATY, at("2026-03-19T10:00+05:00"), new LegalPeriod(2, WORKING, false)))
        .isEqualTo(due("2026-03-26", "2026-03-27T00:00+05:00", false, false));
  }

  @Test
  void workingDaysCrossTheYearSkippingKzNewYearAndChristmas() {
    // 30, 31 Dec; 1, 2 Jan off; 3, 4 weekend; 5, 6 Jan; 7 Jan off; 8 Jan is day 5.
    assertThat(calendar.deadline("KZ", ALMATY, at("2025-12-29T15:00+05:00"), new LegalPeriod(5, WORKING, false)))
        .isEqualTo(due("2026-01-08", "2026-01-09T00:00+05:00", false, false));
  }

  @Test
  void aWorkingWeekendCountsAsAWorkingDay() {
    assertThat(calendar.isWorkingDay("RU", LocalDate.of(2025, 11, 1))).isTrue();
    // RU: Sat 1 Nov 2025 works; 2 Nov is Sunday, 3 and 4 Nov are off.
    assertThat(calendar.deadline("RU", MOSCOW, at("2025-10-31T15:00+03:00"), new LegalPeriod(1, WORKING, true)))
        .isEqualTo(due("2025-11-01", "2025-11-02T00:00+03:00", false, false));
    assertThat(calendar.deadline("RU", MOSCOW, at("2025-10-31T15:00+03:00"), new LegalPeriod(3, WORKING, true)))
        .isEqualTo(due("2025-11-06", "2025-11-07T00:00+03:00", false, false));
    // ...and a calendar period ending on it is not moved.
    assertThat(calendar.deadline("RU", MOSCOW, at("2025-10-22T15:00+03:00"), RU_APPEAL))
        .isEqualTo(due("2025-11-01", "2025-11-02T00:00+03:00", false, false));
    // KZ: Sun 5 Jan 2025 worked in exchange for Fri 3 Jan.
    assertThat(calendar.deadline("KZ", ALMATY, at("2025-01-03T09:00+05:00"), new LegalPeriod(1, WORKING, false)))
        .isEqualTo(due("2025-01-05", "2025-01-06T00:00+05:00", false, false));
  }

  @Test
  void plainDaysAndAQuotedReasonWithAComma() {
    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2026, 3, 10))).isTrue();
    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2026, 3, 14))).isFalse();
    assertThat(calendar.isWorkingDay("RU", LocalDate.of(2026, 3, 9))).isFalse();
  }

  @Test
  void unknownYearOrJurisdictionFailsClearly() {
    assertThatIllegalStateException().isThrownBy(() -> calendar.isWorkingDay("KZ", LocalDate.of(2027, 1, 4)))
        .withMessage("no calendar of non-working days for KZ 2027; add it to calendars/non-working-days.csv");
    assertThatIllegalStateException().isThrownBy(() -> calendar.isWorkingDay("RU", LocalDate.of(2024, 12, 31)))
        .withMessage("no calendar of non-working days for RU 2024; add it to calendars/non-working-days.csv");
    assertThatIllegalStateException().isThrownBy(() -> calendar.isWorkingDay("UA", LocalDate.of(2025, 6, 2)))
        .withMessage("no calendar of non-working days for UA 2025; add it to calendars/non-working-days.csv");
  }

  @Test
  void aPeriodRunningIntoAnUnknownYearCountsWeekendsOnlyAndSaysSo() {
    // KZ, 28 Dec 2026 + 10 calendar days = Thu 7 Jan 2027 (Orthodox Christmas, not yet in the calendar).
    assertThat(calendar.deadline("KZ", ALMATY, at("2026-12-28T15:00+05:00"), KZ_APPEAL))
        .isEqualTo(new Deadline(at("2027-01-08T00:00+05:00"), LocalDate.parse("2027-01-07"), false, false, false));
    // RU, 3 working days from Mon 28 Dec 2026: 29, 30 Dec, then 31 Dec (a day off in 2026) is skipped and
    // Fri 1 Jan 2027 counts as a weekday, as the 2027 holidays are unknown: the earlier, safe end.
    assertThat(calendar.deadline("RU", MOSCOW, at("2026-12-28T15:00+03:00"), new LegalPeriod(3, WORKING, true)))
        .isEqualTo(new Deadline(at("2027-01-02T00:00+03:00"), LocalDate.parse("2027-01-01"), false, false, false));
    assertThatIllegalStateException()
        .isThrownBy(() -> calendar.deadline("UA", ALMATY, at("2025-06-02T10:00+05:00"), KZ_APPEAL))
        .withMessage("no calendar of non-working days for UA; add it to calendars/non-working-days.csv");
  }

  @Test
  void theCountStartsFromTheLocalDateInTheCasesTimeZone() {
    Instant lateEveningUtc = Instant.parse("2025-11-20T23:30:00Z");
    assertThat(lateEveningUtc.atZone(ALMATY).toLocalDate()).isEqualTo(LocalDate.of(2025, 11, 21));

    Deadline deadline = calendar.deadline("KZ", ALMATY, lateEveningUtc, KZ_APPEAL);

    assertThat(deadline).isEqualTo(due("2025-12-01", "2025-12-02T00:00+05:00", false, false));
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2025-12-01T19:00:00Z"));
  }

  @Test
  void kzFinePaymentRunsThirtyCalendarDaysFromEntryIntoForce() {
    // Reference case: ruling served Sat 22 Nov 2025; no appeal, so it is in force once the appeal period ends.
    Deadline appeal = calendar.deadline("KZ", ALMATY, at("2025-11-22T17:00+05:00"), KZ_APPEAL);
    assertThat(appeal).isEqualTo(due("2025-12-02", "2025-12-03T00:00+05:00", false, false));

    // Art. 893(1): 30 days; 3 Dec + 30 = Fri 2 Jan 2026, a New Year day off: flagged.
    assertThat(calendar.deadline("KZ", ALMATY, appeal.dueAt(), new LegalPeriod(30, CALENDAR, false)))
        .isEqualTo(due("2026-01-02", "2026-01-03T00:00+05:00", false, true));
  }

  @Test
  void aPeriodLastsAtLeastOneDay() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LegalPeriod(0, CALENDAR, false))
        .withMessageContaining("at least 1 day");
  }
}
