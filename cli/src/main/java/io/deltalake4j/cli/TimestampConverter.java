package io.deltalake4j.cli;

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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --timestamp}: an ISO instant ({@code 2024-06-01T00:00:00Z}, or with an offset),
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in UTC, or {@code YYYY-MM-DD} for midnight UTC.
 */
final class TimestampConverter implements ITypeConverter<Instant> {

  static final String FORMS =
      "Use an ISO instant (2024-06-01T00:00:00Z), 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC) or YYYY-MM-DD (midnight UTC).";

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  @Override
  public Instant convert(String value) {
    String text = value.trim();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADateTime) {
      // try the next form
    }
    try {
      return LocalDate.parse(text, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      throw new TypeConversionException("'" + value + "' is not a timestamp. " + FORMS);
    }
  }
}
