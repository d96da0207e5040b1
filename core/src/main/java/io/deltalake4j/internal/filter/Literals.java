package io.deltalake4j.internal.filter;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.HexFormat;

/** Reads the text of literals: numbers, dates, timestamps and hex bytes. */
final class Literals {

  /** YYYY-MM-DD HH:MM:SS with up to six fractional digits. */
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true)
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private Literals() {}

  /**
   * A number as the parser types it: Long for integers (BigDecimal beyond the long range),
   * BigDecimal keeping the written scale for 12.30, Double for the exponent form 1e3.
   *
   * @throws IllegalArgumentException if an exponent-form number is too large for a double
   */
  static Object number(String text) {
    if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      double value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        throw new IllegalArgumentException("the number " + text + " is too large for a double");
      }
      return value;
    }
    if (text.indexOf('.') >= 0) {
      return new BigDecimal(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return new BigDecimal(text);
    }
  }

  /** A date written YYYY-MM-DD; rejects impossible dates such as 2024-02-30. */
  static LocalDate date(String text) {
    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
  }

  /** A timestamp written YYYY-MM-DD HH:MM:SS[.ffffff], with a space or 'T' between the parts. */
  static LocalDateTime timestamp(String text) {
    int t = text.indexOf('T');
    String spaced = t < 0 ? text : text.substring(0, t) + ' ' + text.substring(t + 1);
    return LocalDateTime.parse(spaced, TIMESTAMP);
  }

  /** The bytes of an even number of hex digits. */
  static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  /** Why a date or timestamp was rejected, for messages; empty when the format was wrong. */
  static String reason(DateTimeException e) {
    return e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "";
  }
}
