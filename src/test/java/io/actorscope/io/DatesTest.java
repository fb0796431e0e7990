package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class DatesTest {
  static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void datesAndTheirPrecision() {
    Dates.Parsed d = Dates.parse("2021-06-01", UTC);
    assertEquals(LocalDate.of(2021, 6, 1), d.date);
    assertEquals("day", d.precision);
    assertNull(d.instant);
    assertEquals("month", Dates.parse("2021-06", UTC).precision);
    assertEquals(LocalDate.of(2021, 1, 1), Dates.parse("2021", UTC).date);
    assertEquals("year", Dates.parse("2021", UTC).precision);
  }

  @Test
  void timesBecomeADayInTheConfiguredZone() {
    // 2021-06-01T23:30-05:00 = 2021-06-02T04:30Z
    assertEquals(LocalDate.of(2021, 6, 2), Dates.parse("2021-06-01T23:30:00-05:00", UTC).date);
    assertEquals(Instant.parse("2021-06-02T04:30:00Z"), Dates.parse("2021-06-01T23:30:00-05:00", UTC).instant);
    // 03:30Z on June 2nd is 23:30 EDT (UTC-4) on June 1st in New York
    assertEquals(LocalDate.of(2021, 6, 1), Dates.parse("2021-06-02T03:30:00Z", ZoneId.of("America/New_York")).date);
    // local times are read in the zone
    assertEquals(Instant.parse("2021-06-01T07:00:00Z"), Dates.parse("2021-06-01 10:00:00", ZoneId.of("Europe/Moscow")).instant);
    assertEquals(Instant.parse("2021-06-01T10:00:00Z"), Dates.parse("Tue, 1 Jun 2021 10:00:00 GMT", UTC).instant);
    // 1622541600 s = 2021-06-01T10:00:00Z; the same in milliseconds
    assertEquals(Instant.parse("2021-06-01T10:00:00Z"), Dates.parse("1622541600", UTC).instant);
    assertEquals(Instant.parse("2021-06-01T10:00:00Z"), Dates.parse("1622541600000", UTC).instant);
    assertEquals("time", Dates.parse("2021-06-01T10:00:00Z", UTC).precision);
  }

  @Test
  void unreadableDatesThrow() {
    assertThrows(DateTimeParseException.class, () -> Dates.parse("first of June", UTC));
    assertThrows(DateTimeParseException.class, () -> Dates.parse("2021-13-01", UTC));
    assertThrows(DateTimeParseException.class, () -> Dates.parse("2 weeks ago", UTC));
  }
}
