package io.actorscope.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Publication dates as news dumps write them, to a date in a time zone plus a precision. */
public final class Dates {
  public static final String TIME = "time";
  public static final String DAY = "day";
  public static final String MONTH = "month";
  public static final String YEAR = "year";
  public static final String APPROXIMATE = "approximate";

  private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
  private static final DateTimeFormatter SPACE_LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS]", Locale.ROOT);

  /** A parsed date: the day in the configured zone, the instant if a time was given, its precision. */
  public static final class Parsed {
    public final LocalDate date;
    public final Instant instant;
    public final String precision;

    Parsed(LocalDate date, Instant instant, String precision) {
      this.date = date;
      this.instant = instant;
      this.precision = precision;
    }
  }

  private Dates() {}

  /**
   * Parses ISO dates ({@code 2021-06-01}, {@code 2021-06}, {@code 2021}), ISO date-times with or
   * without an offset ({@code 2021-06-01T10:00:00Z}, local ones taken in {@code zone}), {@code
   * 2021-06-01 10:00:00}, RFC 1123 ({@code Tue, 1 Jun 2021 10:00:00 GMT}) and epoch seconds or
   * milliseconds.
   *
   * @throws DateTimeParseException if none fits
   */
  public static Parsed parse(String s, ZoneId zone) {
    String v = s.strip();
    if (DATE_ONLY.matcher(v).matches()) {
      return new Parsed(LocalDate.parse(v), null, DAY);
    }
    if (YEAR_MONTH.matcher(v).matches()) {
      return new Parsed(YearMonth.parse(v).atDay(1), null, MONTH);
    }
    if (YEAR_ONLY.matcher(v).matches()) {
      return new Parsed(LocalDate.of(Integer.parseInt(v), 1, 1), null, YEAR);
    }
    if (EPOCH.matcher(v).matches()) {
      long n = Long.parseLong(v);
      Instant i = v.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
      return timed(i, zone);
    }
    try {
      return timed(OffsetDateTime.parse(v).toInstant(), zone);
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return timed(ZonedDateTime.parse(v).toInstant(), zone);
    } catch (DateTimeParseException notZoned) {
      // try the next form
    }
    try {
      return timed(LocalDateTime.parse(v).atZone(zone).toInstant(), zone);
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return timed(LocalDateTime.parse(v, SPACE_LOCAL).atZone(zone).toInstant(), zone);
    } catch (DateTimeParseException notSpaced) {
      // try the next form
    }
    return timed(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), zone);
  }

  private static Parsed timed(Instant i, ZoneId zone) {
    return new Parsed(i.atZone(zone).toLocalDate(), i, TIME);
  }

  public static boolean isPrecision(String p) {
    return TIME.equals(p) || DAY.equals(p) || MONTH.equals(p) || YEAR.equals(p) || APPROXIMATE.equals(p);
  }
}
