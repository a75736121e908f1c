package org.habeas.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the calendar file is read, and which mistakes in it stop the application from starting. */
class LegalCalendarFileTest {

  private static final String HEADER = "jurisdiction,date,kind,reason\n";

  private static LegalCalendar read(String csv) {
    return new LegalCalendar(new StringReader(csv));
  }

  @Test
  void readsCommentsBlankLinesAndQuotedFields() {
    LegalCalendar calendar = read("\uFEFF# a comment, with a comma\n" + HEADER
        + "\n"
        + "KZ,2025-03-10,day_off,\"for \"\"Women's Day\"\", moved from Sat 03-08\"\n"
        + "KZ,2025-01-05,working_weekend,\n");

    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2025, 3, 10))).isFalse();
    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2025, 3, 11))).isTrue();
    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2025, 1, 5))).isTrue();
    assertThat(calendar.isWorkingDay("KZ", LocalDate.of(2025, 1, 4))).isFalse();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("jurisdiction;date;kind;reason\n", "line 1: expected the header"),
        Arguments.of("# only a comment\n", "line 1: no header"),
        Arguments.of(HEADER + "KZ,2025-03-08,day_off,x\n", "line 2: 2025-03-08 is a SATURDAY, so it cannot be day_off"),
        Arguments.of(HEADER + "KZ,2025-03-10,working_weekend,x\n", "line 2: 2025-03-10 is a MONDAY, so it cannot be working_weekend"),
        Arguments.of(HEADER + "KZ,2025-03-10,holiday,x\n", "line 2: kind 'holiday' is neither day_off nor working_weekend"),
        Arguments.of(HEADER + "KZ,10.03.2025,day_off,x\n", "line 2: '10.03.2025' is not a date"),
        Arguments.of(HEADER + "KZ,2025-03-10,day_off,a,b\n", "line 2: expected 4 fields"),
        Arguments.of(HEADER + "KZ,2025-03-10,day_off,\"open\n", "line 2: a quoted field is not closed"),
        Arguments.of(HEADER + "KZ,2025-03-10,day_off,\"a\"b\n", "line 2: text after a closing quote"),
        Arguments.of(HEADER + "KZ,2025-03-10,day_off,a\"b\n", "line 2: a quote inside an unquoted field"),
        Arguments.of(HEADER + "KZ,2025-03-10,day_off,x\nKZ,2025-03-10,day_off,y\n", "line 3: KZ 2025-03-10 is listed twice"));
  }

  @ParameterizedTest
  @MethodSource
  void malformed(String csv, String problem) {
    assertThatIllegalStateException().isThrownBy(() -> read(csv))
        .withMessageStartingWith("calendars/non-working-days.csv " + problem);
  }
}
