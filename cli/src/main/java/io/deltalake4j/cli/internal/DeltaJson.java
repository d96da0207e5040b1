package io.deltalake4j.cli.internal;

import io.deltalake4j.Row;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Table values as JSON, by Delta type: numbers and booleans as JSON numbers and booleans (non-finite
 * floats as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), decimals, dates,
 * timestamps and binary as strings in the {@link Scalars} text, structs as objects, arrays as
 * arrays, maps with string keys as objects and other maps as arrays of {@code {"key":..,"value":..}}.
 */
public final class DeltaJson {
  private DeltaJson() {}

  /** A row as one JSON object, keys in schema order. */
  public static String row(Row row) {
    StringBuilder out = new StringBuilder(256);
    struct(out, row, row.schema());
    return out.toString();
  }

  /** Appends the value of the given type as JSON. */
  public static void value(StringBuilder out, Object value, DataType type) {
    if (value == null) {
      out.append("null");
    } else if (type instanceof PrimitiveType p) {
      primitive(out, value, p);
    } else if (type instanceof DecimalType d) {
      Json.quote(out, Scalars.decimal((BigDecimal) value, d));
    } else if (type instanceof StructType s) {
      struct(out, (Row) value, s);
    } else if (type instanceof ArrayType a) {
      array(out, (List<?>) value, a);
    } else {
      map(out, (Map<?, ?>) value, (MapType) type);
    }
  }

  /** The value of the given type as JSON text. */
  public static String value(Object value, DataType type) {
    StringBuilder out = new StringBuilder();
    value(out, value, type);
    return out.toString();
  }

  private static void primitive(StringBuilder out, Object value, PrimitiveType type) {
    switch (type) {
      case BOOLEAN, BYTE, SHORT, INT, LONG -> out.append(value);
      case FLOAT -> number(out, (Float) value, Scalars.floating((Float) value));
      case DOUBLE -> number(out, (Double) value, Scalars.floating((Double) value));
      case STRING -> Json.quote(out, (String) value);
      case BINARY -> Json.quote(out, Scalars.binary((byte[]) value));
      case DATE -> Json.quote(out, Scalars.date((LocalDate) value));
      case TIMESTAMP -> Json.quote(out, Scalars.timestamp((Instant) value));
      case TIMESTAMP_NTZ -> Json.quote(out, Scalars.timestampNtz((LocalDateTime) value));
      case VARIANT -> out.append(value); // already JSON text
    }
  }

  /** JSON has no NaN or infinities: those become strings, finite values stay numbers. */
  private static void number(StringBuilder out, double value, String text) {
    if (Double.isFinite(value)) {
      out.append(text);
    } else {
      Json.quote(out, text);
    }
  }

  private static void struct(StringBuilder out, Row row, StructType type) {
    out.append('{');
    List<StructField> fields = type.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Json.quote(out, fields.get(i).name());
      out.append(':');
      value(out, row.get(i), fields.get(i).type());
    }
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> values, ArrayType type) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      value(out, values.get(i), type.elementType());
    }
    out.append(']');
  }

  private static void map(StringBuilder out, Map<?, ?> map, MapType type) {
    boolean stringKeys = type.keyType() == PrimitiveType.STRING;
    out.append(stringKeys ? '{' : '[');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (stringKeys) {
        Json.quote(out, (String) e.getKey());
        out.append(':');
        value(out, e.getValue(), type.valueType());
      } else {
        out.append("{\"key\":");
        value(out, e.getKey(), type.keyType());
        out.append(",\"value\":");
        value(out, e.getValue(), type.valueType());
        out.append('}');
      }
    }
    out.append(stringKeys ? '}' : ']');
  }
}
