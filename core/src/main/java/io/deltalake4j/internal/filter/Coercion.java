package io.deltalake4j.internal.filter;

import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.filter.Column;
import io.deltalake4j.internal.TemporalRange;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Set;

/**
 * Turns a filter literal into the canonical Java value of its column's type, or explains why it
 * does not fit. No implicit casts: a value must fit exactly, because rounding or truncating a
 * literal changes which rows match. Doubles count as their shortest decimal form (0.1 is 0.1).
 */
final class Coercion {

  /** How non-finite floating-point values print in filter text. */
  private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

  private Coercion() {}

  /**
   * The value as the column type's Java value; null stays null.
   *
   * @param type a primitive type other than VARIANT, or a decimal type
   */
  static Object coerce(Column column, DataType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType d) {
      return decimal(column, d, value);
    }
    PrimitiveType p = (PrimitiveType) type;
    return switch (p) {
      case BOOLEAN -> bool(column, value);
      case BYTE, SHORT, INT, LONG -> integral(column, p, value);
      case FLOAT, DOUBLE -> floating(column, p, value);
      case STRING -> string(column, value);
      case BINARY -> binary(column, value);
      case DATE -> date(column, value);
      case TIMESTAMP -> timestamp(column, value);
      case TIMESTAMP_NTZ -> timestampNtz(column, value);
      case VARIANT -> throw new IllegalArgumentException("variant columns cannot be compared");
    };
  }

  private static Boolean bool(Column column, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw mismatch(
        column, PrimitiveType.BOOLEAN, value, "Use TRUE or FALSE, e.g. " + column + " = TRUE.");
  }

  private static Object integral(Column column, PrimitiveType type, Object value) {
    BigDecimal d = exact(column, type, value).stripTrailingZeros();
    if (d.scale() > 0) {
      throw invalid(column, type, value, "it is not a whole number", "Use a whole number.");
    }
    long min = switch (type) {
      case BYTE -> Byte.MIN_VALUE;
      case SHORT -> Short.MIN_VALUE;
      case INT -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
    long max = -(min + 1);
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw invalid(
          column,
          type,
          value,
          "it is out of range for " + type.sql() + " (" + min + " to " + max + ")",
          "Use a value in that range.");
    }
    long v = d.longValueExact();
    return switch (type) {
      case BYTE -> (byte) v;
      case SHORT -> (short) v;
      case INT -> (int) v;
      default -> v;
    };
  }

  /**
   * Values for float and double columns, compared as Spark SQL and Java compare them. A double
   * column takes the nearest double of the literal. A float column takes a whole number rounded to
   * the nearest float (Spark casts an integer literal to float); any other number is compared as a
   * double, so it stays a {@code Double} when no float equals it ({@code ratio > 0.1} keeps the
   * float 0.1f, which is 0.10000000149 as a double), and the Kernel translation compares against
   * the floats on either side of it. Only magnitudes beyond the double range fail.
   */
  private static Object floating(Column column, PrimitiveType type, Object value) {
    boolean isFloat = type == PrimitiveType.FLOAT;
    if (value instanceof String s && NON_FINITE.contains(s)) {
      double d = Double.parseDouble(s);
      return isFloat ? (Object) (float) d : (Object) d;
    }
    if (value instanceof Float f) {
      return isFloat ? (Object) f : (Object) f.doubleValue();
    }
    if (value instanceof Double d) {
      return isFloat ? floatColumnValue(d) : d;
    }
    BigDecimal exact = exact(column, type, value);
    boolean integral = exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
    double d = exact.doubleValue();
    if (isFloat && integral) {
      float f = exact.floatValue();
      if (Float.isInfinite(f)) {
        throw invalid(column, type, value, "it is out of range for " + type.sql(), "Use a smaller number.");
      }
      return f;
    }
    if (Double.isInfinite(d) || (d == 0 && exact.signum() != 0)) {
      throw invalid(column, type, value, "it is out of range for double", "Use a smaller number.");
    }
    return isFloat ? floatColumnValue(d) : (Object) d;
  }

  /** The float equal to {@code d}, or {@code d} itself when no float is. */
  private static Object floatColumnValue(double d) {
    float f = (float) d;
    return (double) f == d || Double.isNaN(d) ? (Object) f : (Object) d;
  }

  /** Exactly the column's scale; fails rather than round, and when the digits do not fit. */
  private static BigDecimal decimal(Column column, DecimalType type, Object value) {
    BigDecimal d = exact(column, type, value).stripTrailingZeros();
    if (d.scale() > type.scale()) {
      throw invalid(
          column,
          type,
          value,
          "it has more than " + type.scale() + " decimal places, and rounding would change which "
              + "rows match",
          "Use at most " + type.scale() + " decimal places.");
    }
    int integerDigits = type.precision() - type.scale();
    if (d.signum() != 0 && d.precision() - d.scale() > integerDigits) {
      throw invalid(
          column,
          type,
          value,
          "it has more than " + integerDigits + " digits before the decimal point",
          "Use a value that fits " + type.sql() + ".");
    }
    return d.setScale(type.scale());
  }

  /** The exact decimal value of a number; a double as its shortest decimal form. */
  private static BigDecimal exact(Column column, DataType type, Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      if (!Double.isFinite(((Number) value).doubleValue())) {
        throw invalid(column, type, value, "it is not a finite number", "Use a finite number.");
      }
      return new BigDecimal(value.toString());
    }
    throw mismatch(column, type, value, "Use a number, e.g. " + column + " >= 100.");
  }

  private static String string(Column column, Object value) {
    if (value instanceof String s) {
      return s;
    }
    String fix =
        value instanceof Number || value instanceof Boolean
            ? "Quote the value, e.g. " + column + " = '" + show(value) + "'."
            : "Use a string, e.g. " + column + " = 'abc'.";
    throw mismatch(column, PrimitiveType.STRING, value, fix);
  }

  private static byte[] binary(Column column, Object value) {
    if (value instanceof byte[] b) {
      return b.clone();
    }
    throw mismatch(
        column, PrimitiveType.BINARY, value, "Use a byte[], e.g. " + column + " = X'CAFE'.");
  }

  private static LocalDate date(Column column, Object value) {
    String example = "e.g. " + column + " >= DATE '2024-01-31'";
    if (value instanceof LocalDate d) {
      return inRange(column, PrimitiveType.DATE, value, TemporalRange.contains(d), d);
    }
    if (value instanceof String s) {
      try {
        LocalDate d = Literals.date(s);
        return inRange(column, PrimitiveType.DATE, value, TemporalRange.contains(d), d);
      } catch (DateTimeException e) {
        throw invalid(
            column, PrimitiveType.DATE, value,
            "it is not a valid date" + Literals.reason(e),
            "Write it as 'YYYY-MM-DD', " + example + ".");
      }
    }
    throw mismatch(column, PrimitiveType.DATE, value, "Use a date, " + example + ".");
  }

  /** A timestamp in UTC: local date-times and dates are read as UTC. */
  private static Instant timestamp(Column column, Object value) {
    PrimitiveType type = PrimitiveType.TIMESTAMP;
    Instant instant;
    if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof LocalDateTime t) {
      instant = t.toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate d) {
      instant = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (value instanceof OffsetDateTime o) {
      instant = o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      instant = z.toInstant();
    } else if (value instanceof String s) {
      instant = parseInstant(column, s);
    } else {
      throw mismatch(column, type, value, "Use a timestamp, " + timestampExample(column) + ".");
    }
    checkMicros(column, type, value, instant.getNano());
    return inRange(column, type, value, TemporalRange.contains(instant), instant);
  }

  private static Instant parseInstant(Column column, String s) {
    try {
      return Literals.timestamp(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException notLocal) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeException notOffset) {
        try {
          return Literals.date(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException notDate) {
          throw invalid(
              column, PrimitiveType.TIMESTAMP, s, "it is not a timestamp",
              "Write 'YYYY-MM-DD HH:MM:SS[.ffffff]' (read as UTC) or an ISO-8601 instant such as "
                  + "'2024-01-31T13:45:00Z'.");
        }
      }
    }
  }

  /** A timestamp without time zone: dates become midnight; instants are refused. */
  private static LocalDateTime timestampNtz(Column column, Object value) {
    PrimitiveType type = PrimitiveType.TIMESTAMP_NTZ;
    LocalDateTime t;
    if (value instanceof LocalDateTime l) {
      t = l;
    } else if (value instanceof LocalDate d) {
      t = d.atStartOfDay();
    } else if (value instanceof String s) {
      t = parseLocal(column, s);
    } else if (value instanceof Instant || value instanceof OffsetDateTime
        || value instanceof ZonedDateTime) {
      throw mismatch(
          column, type, value,
          "A timestamp_ntz column has no time zone; use a LocalDateTime, "
              + timestampExample(column) + ".");
    } else {
      throw mismatch(column, type, value, "Use a timestamp, " + timestampExample(column) + ".");
    }
    checkMicros(column, type, value, t.getNano());
    return inRange(column, type, value, TemporalRange.contains(t), t);
  }

  private static LocalDateTime parseLocal(Column column, String s) {
    try {
      return Literals.timestamp(s);
    } catch (DateTimeException notTimestamp) {
      try {
        return Literals.date(s).atStartOfDay();
      } catch (DateTimeException notDate) {
        throw invalid(
            column, PrimitiveType.TIMESTAMP_NTZ, s, "it is not a timestamp",
            "Write 'YYYY-MM-DD HH:MM:SS[.ffffff]' or 'YYYY-MM-DD'.");
      }
    }
  }

  /** Timestamp columns hold microseconds; truncating a finer literal would change the answer. */
  private static void checkMicros(Column column, PrimitiveType type, Object value, int nano) {
    if (nano % 1000 != 0) {
      throw invalid(
          column, type, value, "it is more precise than the column's microseconds",
          "Truncate it first, e.g. with truncatedTo(ChronoUnit.MICROS).");
    }
  }

  private static String timestampExample(Column column) {
    return "e.g. " + column + " >= TIMESTAMP '2024-01-31 13:45:00'";
  }

  /** The value is of the wrong kind for the column: "... with 'abc' (a string). fix". */
  private static <T> T inRange(Column column, DataType type, Object value, boolean inRange, T coerced) {
    if (!inRange) {
      throw invalid(column, type, value, "Delta holds values " + TemporalRange.DESCRIPTION, "Use a value in that range.");
    }
    return coerced;
  }

  private static InvalidFilterException mismatch(
      Column column, DataType type, Object value, String fix) {
    return new InvalidFilterException(
        "Cannot compare column '" + column + "' of type " + type.sql() + " with " + show(value)
            + " (" + kind(value) + "). " + fix);
  }

  /** The value is of the right kind but does not fit: "... with 300: reason. fix". */
  private static InvalidFilterException invalid(
      Column column, DataType type, Object value, String reason, String fix) {
    return new InvalidFilterException(
        "Cannot compare column '" + column + "' of type " + type.sql() + " with " + show(value)
            + ": " + reason + ". " + fix);
  }

  private static String show(Object value) {
    String text;
    if (value instanceof String s) {
      return "'" + abbreviate(s).replace("'", "''") + "'";
    } else if (value instanceof BigDecimal d) {
      text = Math.abs(d.scale()) < 100 ? d.toPlainString() : d.toString();
    } else if (value instanceof Boolean b) {
      text = b ? "TRUE" : "FALSE";
    } else if (value instanceof LocalDate) {
      text = "DATE '" + value + "'";
    } else if (value instanceof byte[] b) {
      text = "X'" + HexFormat.of().withUpperCase().formatHex(b) + "'";
    } else {
      text = String.valueOf(value);
    }
    return abbreviate(text);
  }

  private static String kind(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof LocalDate) {
      return "a date";
    } else if (value instanceof LocalDateTime) {
      return "a timestamp without time zone";
    } else if (value instanceof Instant || value instanceof OffsetDateTime
        || value instanceof ZonedDateTime) {
      return "a timestamp";
    } else if (value instanceof byte[]) {
      return "binary";
    }
    return "a " + value.getClass().getName();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
