package io.deltalake4j.cli.internal.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.deltalake4j.cli.internal.Temporals;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as Java values of a column type, the inverse of the text {@code scan} prints: whole numbers
 * ({@code -42}), floats ({@code 1.5}, {@code 1e-7}, {@code NaN}, {@code Infinity}), decimals in
 * plain or exponent notation, {@code true}/{@code false}, dates, timestamps and timestamp_ntz as
 * {@link Temporals} reads them, base64 binary, and structs, arrays and maps as JSON text. Numbers,
 * booleans and dates may have spaces around them; strings are taken exactly.
 */
final class TextValues {
  private TextValues() {}

  static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
  static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** @throws BadValue naming the column path when the text does not fit */
  static Object convert(String text, DataType type, String path) {
    if (type instanceof DecimalType d) {
      String t = text.strip();
      if (!NUMBER.matcher(t).matches()) {
        throw new BadValue(path, type, quoted(text));
      }
      return decimal(new BigDecimal(t), d, path, quoted(text));
    }
    if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
      JsonNode node;
      try {
        node = JsonLinesInput.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new BadValue(path, type, quoted(text), "not JSON");
      }
      return JsonValues.convert(node, type, path);
    }
    PrimitiveType p = (PrimitiveType) type;
    String t = text.strip();
    switch (p) {
      case STRING:
        return text;
      case BOOLEAN:
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(t);
        }
        break;
      case BYTE, SHORT, INT, LONG:
        if (WHOLE.matcher(t).matches()) {
          return integral(new BigInteger(t), p, path, quoted(text));
        }
        break;
      case FLOAT, DOUBLE:
        if (NUMBER.matcher(t).matches() || isNonFinite(t)) {
          return floating(Double.parseDouble(t), p, path, quoted(text));
        }
        break;
      case BINARY:
        try {
          return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
          throw new BadValue(path, type, quoted(text), "not base64");
        }
      case DATE, TIMESTAMP, TIMESTAMP_NTZ:
        try {
          return p == PrimitiveType.DATE ? Temporals.date(t)
              : p == PrimitiveType.TIMESTAMP ? Temporals.timestamp(t) : Temporals.timestampNtz(t);
        } catch (DateTimeParseException e) {
          throw new BadValue(path, type, quoted(text), forms(p));
        }
      case VARIANT:
        throw new BadValue(path, type, quoted(text), "variant columns cannot be written yet");
    }
    throw new BadValue(path, type, quoted(text));
  }

  static boolean isNonFinite(String t) {
    return t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity") || t.equals("+Infinity");
  }

  /** A whole number as the column's Java type, if it is in the type's range. */
  static Object integral(BigInteger value, PrimitiveType type, String path, String got) {
    int bits = switch (type) {
      case BYTE -> 8;
      case SHORT -> 16;
      case INT -> 32;
      default -> 64;
    };
    if (value.bitLength() >= bits) {
      throw new BadValue(path, type, got, "out of range for " + type.sql());
    }
    long v = value.longValue();
    return switch (type) {
      case BYTE -> (byte) v;
      case SHORT -> (short) v;
      case INT -> (int) v;
      default -> v;
    };
  }

  /** A float or double value; a finite number too large for the type is an error, not infinity. */
  static Object floating(double d, PrimitiveType type, String path, String got) {
    boolean tooLarge = type == PrimitiveType.FLOAT ? Float.isInfinite((float) d) : Double.isInfinite(d);
    if (tooLarge && !isNonFinite(got.replace("\"", ""))) {
      throw new BadValue(path, type, got, "out of range for " + type.sql());
    }
    return type == PrimitiveType.FLOAT ? (Object) (float) d : (Object) d;
  }

  /** The value at the column's scale, never rounded. */
  static BigDecimal decimal(BigDecimal value, DecimalType type, String path, String got) {
    if (value.precision() - value.scale() > type.precision() - type.scale()) {
      throw new BadValue(path, type, got, "more than " + (type.precision() - type.scale()) + " digits before the point");
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new BadValue(path, type, got, "more than " + type.scale() + " decimal places");
    }
    return scaled;
  }

  private static String forms(PrimitiveType p) {
    return switch (p) {
      case DATE -> "use YYYY-MM-DD";
      case TIMESTAMP -> "use an ISO instant such as 2024-06-01T12:00:00Z, 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC) or YYYY-MM-DD";
      default -> "use 'YYYY-MM-DD[ |T]HH:MM:SS[.ffffff]' or YYYY-MM-DD";
    };
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
