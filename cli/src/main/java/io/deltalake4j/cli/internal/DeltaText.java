package io.deltalake4j.cli.internal;

import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Table values as the text of one CSV field or table cell: strings as they are, other scalars in the
 * {@link Scalars} text, structs, arrays and maps as their {@link DeltaJson} text.
 */
public final class DeltaText {
  private DeltaText() {}

  /** The text of the value, or null for null (each format shows null its own way). */
  public static String of(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType d) {
      return Scalars.decimal((BigDecimal) value, d);
    }
    if (!(type instanceof PrimitiveType p)) {
      return DeltaJson.value(value, type);
    }
    return switch (p) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, STRING, VARIANT -> value.toString();
      case FLOAT -> Scalars.floating((Float) value);
      case DOUBLE -> Scalars.floating((Double) value);
      case BINARY -> Scalars.binary((byte[]) value);
      case DATE -> Scalars.date((LocalDate) value);
      case TIMESTAMP -> Scalars.timestamp((Instant) value);
      case TIMESTAMP_NTZ -> Scalars.timestampNtz((LocalDateTime) value);
    };
  }

  /** True for the types whose values a table right-aligns. */
  public static boolean isNumeric(DataType type) {
    return type instanceof DecimalType
        || type == PrimitiveType.BYTE || type == PrimitiveType.SHORT || type == PrimitiveType.INT
        || type == PrimitiveType.LONG || type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
  }
}
