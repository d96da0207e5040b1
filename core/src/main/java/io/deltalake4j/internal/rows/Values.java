package io.deltalake4j.internal.rows;

import io.deltalake4j.Row;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.internal.TemporalRange;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Java value against a column type and returns it in canonical form: integral values
 * widened losslessly (an Integer into a long column becomes a Long), decimals set to the column's
 * scale without rounding, nested maps turned into struct rows, collections made immutable.
 */
public final class Values {
  private Values() {}

  public static Object check(StructField field, Object value, String path) {
    if (value == null) {
      if (!field.nullable()) {
        throw new SchemaMismatchException(
            "Cannot write null into column '" + path + "': the column is NOT NULL. "
                + "Give it a value, or make the column nullable.");
      }
      return null;
    }
    return check(field.type(), value, path);
  }

  static Object check(DataType type, Object value, String path) {
    if (type instanceof PrimitiveType p) {
      return primitive(p, value, path);
    }
    if (type instanceof DecimalType d) {
      return decimal(d, value, path);
    }
    if (type instanceof StructType s) {
      return struct(s, value, path);
    }
    if (type instanceof ArrayType a) {
      return array(a, value, path);
    }
    return map((MapType) type, value, path);
  }

  private static Object primitive(PrimitiveType type, Object v, String path) {
    switch (type) {
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        break;
      case BYTE:
        if (v instanceof Byte) {
          return v;
        }
        break;
      case SHORT:
        if (v instanceof Short || v instanceof Byte) {
          return ((Number) v).shortValue();
        }
        break;
      case INT:
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
          return ((Number) v).intValue();
        }
        break;
      case LONG:
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          return ((Number) v).longValue();
        }
        break;
      case FLOAT:
        if (v instanceof Float) {
          return v;
        }
        break;
      case DOUBLE:
        if (v instanceof Double || v instanceof Float) {
          return ((Number) v).doubleValue();
        }
        break;
      case STRING:
        if (v instanceof String) {
          return v;
        }
        break;
      case BINARY:
        if (v instanceof byte[] b) {
          return b.clone();
        }
        break;
      case DATE:
        if (v instanceof LocalDate d) {
          return inRange(TemporalRange.contains(d), type, v, path);
        }
        break;
      case TIMESTAMP:
        if (v instanceof Instant i) {
          return inRange(TemporalRange.contains(i), type, truncateToMicros(i), path);
        }
        break;
      case TIMESTAMP_NTZ:
        if (v instanceof LocalDateTime t) {
          return inRange(TemporalRange.contains(t), type, t.withNano(t.getNano() / 1000 * 1000), path);
        }
        break;
      case VARIANT:
        throw new io.deltalake4j.exceptions.UnsupportedFeatureException(
            "Cannot write column '" + path + "': variant values are not supported yet.");
    }
    throw mismatch(type, v, path);
  }

  private static Object inRange(boolean inRange, DataType type, Object v, String path) {
    if (!inRange) {
      throw new SchemaMismatchException(
          "Cannot write " + type.sql() + " value '" + v + "' into column '" + path + "': Delta holds values "
              + TemporalRange.DESCRIPTION + ". Use a value in that range.");
    }
    return v;
  }

  private static Instant truncateToMicros(Instant i) {
    return Instant.ofEpochSecond(i.getEpochSecond(), i.getNano() / 1000 * 1000L);
  }

  private static BigDecimal decimal(DecimalType type, Object v, String path) {
    BigDecimal d;
    if (v instanceof BigDecimal b) {
      d = b;
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      d = BigDecimal.valueOf(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      d = new BigDecimal(b);
    } else {
      throw mismatch(type, v, path);
    }
    BigDecimal scaled;
    try {
      scaled = d.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new SchemaMismatchException(
          "Cannot write " + d.toPlainString() + " into column '" + path + "' of type " + type.sql()
              + ": it has more than " + type.scale() + " decimal places. Round it first.");
    }
    if (scaled.precision() > type.precision()) {
      throw new SchemaMismatchException(
          "Cannot write " + d.toPlainString() + " into column '" + path + "' of type " + type.sql()
              + ": it needs more than " + type.precision() + " digits.");
    }
    return scaled;
  }

  private static Row struct(StructType type, Object v, String path) {
    if (v instanceof Row r) {
      Object[] out = new Object[type.size()];
      if (!r.schema().fieldNames().equals(type.fieldNames())) {
        throw new SchemaMismatchException(
            "Cannot write struct into column '" + path + "': its fields " + r.schema().fieldNames()
                + " differ from the column's " + type.fieldNames() + ".");
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = check(type.field(i), r.get(i), path + "." + type.field(i).name());
      }
      return new ArrayRow(type, out);
    }
    if (v instanceof Map<?, ?> m) {
      Object[] out = new Object[type.size()];
      for (Object key : m.keySet()) {
        if (!(key instanceof String k) || type.indexOf(k) < 0) {
          throw new SchemaMismatchException(
              "Cannot write struct into column '" + path + "': field '" + key + "' is not one of "
                  + type.fieldNames() + ".");
        }
      }
      for (int i = 0; i < out.length; i++) {
        StructField f = type.field(i);
        out[i] = check(f, m.get(f.name()), path + "." + f.name());
      }
      return new ArrayRow(type, out);
    }
    throw mismatch(type, v, path);
  }

  private static List<Object> array(ArrayType type, Object v, String path) {
    if (!(v instanceof List<?> list)) {
      throw mismatch(type, v, path);
    }
    List<Object> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      String at = path + "[" + i + "]";
      if (e == null) {
        if (!type.containsNull()) {
          throw new SchemaMismatchException(
              "Cannot write null into " + at + ": the array's elements are NOT NULL.");
        }
        out.add(null);
      } else {
        out.add(check(type.elementType(), e, at));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<Object, Object> map(MapType type, Object v, String path) {
    if (!(v instanceof Map<?, ?> m)) {
      throw mismatch(type, v, path);
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    Set<Object> keys = new HashSet<>(); // by content: two byte[] keys of the same bytes are one key
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getKey() == null) {
        throw new SchemaMismatchException("Cannot write map into '" + path + "': a key is null.");
      }
      Object key = check(type.keyType(), e.getKey(), path + ".key");
      String at = path + "[" + ValueText.orClassName(e.getKey()) + "]";
      if (!keys.add(key instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : key)) {
        throw new SchemaMismatchException("Cannot write map into '" + path + "': the key " + ValueText.orClassName(key)
            + " appears twice. Give each key once.");
      }
      if (e.getValue() == null) {
        if (!type.valueContainsNull()) {
          throw new SchemaMismatchException(
              "Cannot write null into " + at + ": the map's values are NOT NULL.");
        }
        out.put(key, null);
      } else {
        out.put(key, check(type.valueType(), e.getValue(), at));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static SchemaMismatchException mismatch(DataType type, Object v, String path) {
    String text = ValueText.of(v);
    return new SchemaMismatchException(
        "Cannot write " + v.getClass().getSimpleName() + " value" + (text == null ? "" : " '" + text + "'")
            + " into column '" + path + "' of type " + type.sql() + ". Expected "
            + javaTypeOf(type) + ".");
  }

  /** The Java class expected for values of a type, for messages. */
  public static String javaTypeOf(DataType type) {
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN -> "Boolean";
        case BYTE -> "Byte";
        case SHORT -> "Short";
        case INT -> "Integer";
        case LONG -> "Long";
        case FLOAT -> "Float";
        case DOUBLE -> "Double";
        case STRING -> "String";
        case BINARY -> "byte[]";
        case DATE -> "LocalDate";
        case TIMESTAMP -> "Instant";
        case TIMESTAMP_NTZ -> "LocalDateTime";
        case VARIANT -> "String";
      };
    }
    if (type instanceof DecimalType) {
      return "BigDecimal";
    }
    if (type instanceof StructType) {
      return "Row or Map";
    }
    return type instanceof ArrayType ? "List" : "Map";
  }
}
