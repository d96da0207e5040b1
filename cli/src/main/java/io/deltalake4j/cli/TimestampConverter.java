package io.deltalake4j.cli;

import io.deltalake4j.cli.internal.Temporals;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --timestamp}: an ISO instant ({@code 2024-06-01T00:00:00Z}, or with an offset),
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in UTC, or {@code YYYY-MM-DD} for midnight UTC.
 */
final class TimestampConverter implements ITypeConverter<Instant> {

  static final String FORMS =
      "Use an ISO instant (2024-06-01T00:00:00Z), 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC) or YYYY-MM-DD (midnight UTC).";

  @Override
  public Instant convert(String value) {
    try {
      return Temporals.timestamp(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a timestamp. " + FORMS);
    }
  }
}
