package io.deltalake4j.internal.kernel;

import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.types.VariantType;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Kernel's type model and ours. */
public final class Schemas {
  private Schemas() {}

  public static StructType fromKernel(io.delta.kernel.types.StructType kernel) {
    return struct(kernel, "", null);
  }

  /** The schema of the table at {@code location}; a column of a type we cannot read is named with the table. */
  public static StructType fromKernel(io.delta.kernel.types.StructType kernel, String location) {
    return struct(kernel, "", location);
  }

  /** Our type of a Kernel type. */
  public static DataType fromKernel(io.delta.kernel.types.DataType t) {
    return type(t, "", null);
  }

  private static StructType struct(io.delta.kernel.types.StructType kernel, String parent, String location) {
    List<StructField> fields = new ArrayList<>(kernel.length());
    for (io.delta.kernel.types.StructField f : kernel.fields()) {
      if (f.isMetadataColumn()) {
        continue;
      }
      String path = parent.isEmpty() ? f.getName() : parent + "." + f.getName();
      fields.add(
          new StructField(
              f.getName(), type(f.getDataType(), path, location), f.isNullable(), metadata(f.getMetadata())));
    }
    return StructType.of(fields);
  }

  /** Our type of the Kernel type of column {@code path} (empty if unknown) of the table at {@code location} (or null). */
  private static DataType type(io.delta.kernel.types.DataType t, String path, String location) {
    if (t instanceof BooleanType) {
      return PrimitiveType.BOOLEAN;
    } else if (t instanceof ByteType) {
      return PrimitiveType.BYTE;
    } else if (t instanceof ShortType) {
      return PrimitiveType.SHORT;
    } else if (t instanceof IntegerType) {
      return PrimitiveType.INT;
    } else if (t instanceof LongType) {
      return PrimitiveType.LONG;
    } else if (t instanceof FloatType) {
      return PrimitiveType.FLOAT;
    } else if (t instanceof DoubleType) {
      return PrimitiveType.DOUBLE;
    } else if (t instanceof StringType) {
      return PrimitiveType.STRING;
    } else if (t instanceof BinaryType) {
      return PrimitiveType.BINARY;
    } else if (t instanceof DateType) {
      return PrimitiveType.DATE;
    } else if (t instanceof TimestampType) {
      return PrimitiveType.TIMESTAMP;
    } else if (t instanceof TimestampNTZType) {
      return PrimitiveType.TIMESTAMP_NTZ;
    } else if (t instanceof VariantType) {
      return PrimitiveType.VARIANT;
    } else if (t instanceof io.delta.kernel.types.DecimalType d) {
      return new DecimalType(d.getPrecision(), d.getScale());
    } else if (t instanceof io.delta.kernel.types.ArrayType a) {
      return new ArrayType(type(a.getElementType(), path + ".element", location), a.containsNull());
    } else if (t instanceof io.delta.kernel.types.MapType m) {
      return new MapType(type(m.getKeyType(), path + ".key", location), type(m.getValueType(), path + ".value", location),
          m.isValueContainsNull());
    } else if (t instanceof io.delta.kernel.types.StructType s) {
      return struct(s, path, location);
    }
    String column = path.isEmpty() ? "a column" : "column '" + path + "'";
    throw new UnsupportedFeatureException(
        "Cannot read " + column + (location == null ? "" : " of table " + location) + ": its type " + t
            + " is not supported by deltalake4j yet. Read the table with an engine that supports it (e.g. Spark).");
  }

  /**
   * A schema for a new table. Field metadata that describes an existing table's physical layout
   * (column mapping ids and physical names, identity column state, Parquet field ids) is left out:
   * copied from another table's schema it would be wrong here, and the new table's own properties
   * decide such things.
   */
  public static io.delta.kernel.types.StructType toKernel(StructType ours) {
    List<io.delta.kernel.types.StructField> fields = new ArrayList<>(ours.size());
    for (StructField f : ours.fields()) {
      FieldMetadata.Builder md = FieldMetadata.builder();
      f.metadata().forEach((k, v) -> {
        if (LAYOUT_METADATA_PREFIXES.stream().noneMatch(k::startsWith)) {
          md.putString(k, v);
        }
      });
      fields.add(new io.delta.kernel.types.StructField(f.name(), toKernel(f.type()), f.nullable(), md.build()));
    }
    return new io.delta.kernel.types.StructType(fields);
  }

  private static final List<String> LAYOUT_METADATA_PREFIXES =
      List.of("delta.columnMapping.", "delta.identity.", "parquet.field.");

  public static io.delta.kernel.types.DataType toKernel(DataType t) {
    if (t instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN -> BooleanType.BOOLEAN;
        case BYTE -> ByteType.BYTE;
        case SHORT -> ShortType.SHORT;
        case INT -> IntegerType.INTEGER;
        case LONG -> LongType.LONG;
        case FLOAT -> FloatType.FLOAT;
        case DOUBLE -> DoubleType.DOUBLE;
        case STRING -> StringType.STRING;
        case BINARY -> BinaryType.BINARY;
        case DATE -> DateType.DATE;
        case TIMESTAMP -> TimestampType.TIMESTAMP;
        case TIMESTAMP_NTZ -> TimestampNTZType.TIMESTAMP_NTZ;
        case VARIANT -> VariantType.VARIANT;
      };
    }
    if (t instanceof DecimalType d) {
      return new io.delta.kernel.types.DecimalType(d.precision(), d.scale());
    }
    if (t instanceof ArrayType a) {
      return new io.delta.kernel.types.ArrayType(toKernel(a.elementType()), a.containsNull());
    }
    if (t instanceof MapType m) {
      return new io.delta.kernel.types.MapType(
          toKernel(m.keyType()), toKernel(m.valueType()), m.valueContainsNull());
    }
    return toKernel((StructType) t);
  }

  private static Map<String, String> metadata(FieldMetadata md) {
    Map<String, String> out = new LinkedHashMap<>();
    md.getEntries().forEach((k, v) -> out.put(k, v instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(v)));
    return out;
  }

  /** True if the type is, or contains, a variant. */
  public static boolean containsVariant(DataType t) {
    if (t == PrimitiveType.VARIANT) {
      return true;
    }
    if (t instanceof StructType s) {
      return s.fields().stream().anyMatch(f -> containsVariant(f.type()));
    }
    if (t instanceof ArrayType a) {
      return containsVariant(a.elementType());
    }
    if (t instanceof MapType m) {
      return containsVariant(m.keyType()) || containsVariant(m.valueType());
    }
    return false;
  }
}
