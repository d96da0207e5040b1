package io.deltalake4j.cli.internal;

import io.deltalake4j.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The text of scalar values, the same in every output format: dates {@code 2024-06-01}, timestamps
 * {@code 2024-06-01T12:00:00.000000Z} (UTC, always six fractional digits), timestamp_ntz the same
 * without {@code Z}, decimals in plain notation at the column's scale ({@code 12.30}), binary as
 * base64, and {@code NaN}, {@code Infinity}, {@code -Infinity} for non-finite floats.
 */
public final class Scalars {
  private Scalars() {}

  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

  public static String timestamp(Instant value) {
    return MICROS.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC)) + "Z";
  }

  public static String timestampNtz(LocalDateTime value) {
    return MICROS.format(value);
  }

  public static String date(LocalDate value) {
    return DATE.format(value);
  }

  /** Plain notation at the column's scale: 12.3 in a decimal(10,2) column is {@code 12.30}. */
  public static String decimal(BigDecimal value, DecimalType type) {
    BigDecimal scaled = value.scale() < type.scale() ? value.setScale(type.scale(), RoundingMode.UNNECESSARY) : value;
    return scaled.toPlainString();
  }

  public static String binary(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  /** Java's shortest round-tripping text, e.g. {@code 1.5}, {@code 1.0E10}, {@code NaN}. */
  public static String floating(double value) {
    return Double.toString(value);
  }

  /** Java's shortest round-tripping text for a float (not widened to double: 0.1f is {@code 0.1}). */
  public static String floating(float value) {
    return Float.toString(value);
  }
}
