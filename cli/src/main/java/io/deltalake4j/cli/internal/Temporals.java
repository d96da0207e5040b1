package io.deltalake4j.cli.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates and times as people type them: dates {@code YYYY-MM-DD}; timestamps as an ISO instant
 * ({@code 2024-06-01T12:00:00Z}, or with an offset), {@code YYYY-MM-DD HH:MM:SS[.ffffff]} (UTC), or a
 * date (midnight UTC); timestamp_ntz as {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, the same with {@code T},
 * or a date. A {@code T} form without a zone is not a timestamp: it reads as a local time. Parsing
 * is strict: {@code 2024-02-30} is not a date.
 */
public final class Temporals {
  private Temporals() {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  /** @throws DateTimeParseException if the text is not {@code YYYY-MM-DD} */
  public static LocalDate date(String text) {
    return LocalDate.parse(text.strip(), DATE);
  }

  /** @throws DateTimeParseException if the text is in none of the timestamp forms */
  public static Instant timestamp(String text) {
    String t = text.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException notAnInstant) {
      LocalDateTime local = t.length() == 10 ? date(t).atStartOfDay() : LocalDateTime.parse(t, DATE_TIME);
      return local.toInstant(ZoneOffset.UTC);
    }
  }

  /** @throws DateTimeParseException if the text is not a local date-time or a date */
  public static LocalDateTime timestampNtz(String text) {
    String t = text.strip();
    if (t.length() == 10) {
      return date(t).atStartOfDay();
    }
    if (t.length() > 10 && t.charAt(10) == 'T') {
      t = t.substring(0, 10) + ' ' + t.substring(11);
    }
    return LocalDateTime.parse(t, DATE_TIME);
  }
}
