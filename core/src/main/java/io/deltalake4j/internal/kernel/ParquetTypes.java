package io.deltalake4j.internal.kernel;

import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet file schema (its footer's {@link MessageType}) to Delta types, the way Spark reads
 * plain Parquet: INT32 as int (or byte, short, date, decimal by annotation), INT64 as long (or
 * timestamp, timestamp_ntz, decimal), INT96 as timestamp, BINARY as string when annotated so, else
 * binary, FIXED_LEN_BYTE_ARRAY decimals, standard LIST and MAP groups, other groups as structs.
 * Shapes Delta has no type for (unsigned integers, TIME, nanosecond timestamps, INTERVAL, UUID,
 * legacy repeated fields outside LIST and MAP) fail, naming the column.
 */
final class ParquetTypes {
  private ParquetTypes() {}

  /** @param file names the file in error messages */
  static StructType toDelta(MessageType schema, String file) {
    return struct(schema, "", file);
  }

  private static StructType struct(GroupType group, String parent, String file) {
    if (group.getFieldCount() == 0) {
      throw unsupported(file, parent, "it is a group without fields");
    }
    List<StructField> fields = new ArrayList<>(group.getFieldCount());
    for (Type t : group.getFields()) {
      String path = parent.isEmpty() ? t.getName() : parent + "." + t.getName();
      if (t.isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(file, path,
            "it is a repeated field outside a LIST or MAP group (a legacy Parquet list)");
      }
      fields.add(new StructField(t.getName(), type(t, path, file), t.isRepetition(Type.Repetition.OPTIONAL)));
    }
    try {
      return StructType.of(fields);
    } catch (IllegalArgumentException e) {
      throw unsupported(file, parent.isEmpty() ? "(top level)" : parent, e.getMessage());
    }
  }

  private static DataType type(Type t, String path, String file) {
    if (t.isPrimitive()) {
      return primitive(t.asPrimitiveType(), path, file);
    }
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(g, path, file);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(g, path, file);
    }
    if (a != null) {
      throw unsupported(file, path, "its group annotation " + a + " has no Delta type");
    }
    return struct(g, path, file);
  }

  /**
   * A LIST group holds one repeated group with the element as its only field (the standard three
   * levels). Kernel's reader does not read the legacy two-level forms, so they fail here, early.
   */
  private static DataType list(GroupType g, String path, String file) {
    if (g.getFieldCount() != 1 || !g.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      throw unsupported(file, path, "its LIST group does not hold exactly one repeated field");
    }
    Type repeated = g.getType(0);
    if (repeated.isPrimitive()) {
      throw unsupported(file, path, "its LIST group repeats the element itself (" + repeated
          + "), the legacy two-level form");
    }
    GroupType wrapper = repeated.asGroupType();
    if (wrapper.getFieldCount() != 1) {
      throw unsupported(file, path, "its LIST group repeats a group of " + wrapper.getFieldCount()
          + " fields (a legacy two-level list of structs)");
    }
    Type element = wrapper.getType(0);
    return new ArrayType(type(element, path + ".element", file), !element.isRepetition(Type.Repetition.REQUIRED));
  }

  private static DataType map(GroupType g, String path, String file) {
    if (g.getFieldCount() != 1 || g.getType(0).isPrimitive()
        || g.getType(0).asGroupType().getFieldCount() != 2) {
      throw unsupported(file, path, "its MAP group does not hold one repeated key/value group");
    }
    GroupType entry = g.getType(0).asGroupType();
    Type key = entry.getType(0);
    Type value = entry.getType(1);
    return new MapType(type(key, path + ".key", file), type(value, path + ".value", file),
        !value.isRepetition(Type.Repetition.REQUIRED));
  }

  private static DataType primitive(org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      if (d.getPrecision() < 1 || d.getPrecision() > DecimalType.MAX_PRECISION) {
        throw unsupported(file, path, "its decimal precision " + d.getPrecision() + " is above "
            + DecimalType.MAX_PRECISION);
      }
      return new DecimalType(d.getPrecision(), d.getScale());
    }
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> plain(PrimitiveType.BOOLEAN, a, p, path, file);
      case FLOAT -> plain(PrimitiveType.FLOAT, a, p, path, file);
      case DOUBLE -> plain(PrimitiveType.DOUBLE, a, p, path, file);
      case INT32 -> int32(a, p, path, file);
      case INT64 -> int64(a, p, path, file);
      case INT96 -> plain(PrimitiveType.TIMESTAMP, a, p, path, file);
      case BINARY -> binary(a, p, path, file);
      case FIXED_LEN_BYTE_ARRAY -> plain(PrimitiveType.BINARY, a, p, path, file);
    };
  }

  private static DataType plain(
      PrimitiveType type, LogicalTypeAnnotation a, org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    if (a != null) {
      throw annotation(p, path, file);
    }
    return type;
  }

  private static DataType int32(LogicalTypeAnnotation a, org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    if (a == null) {
      return PrimitiveType.INT;
    }
    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return PrimitiveType.DATE;
    }
    if (a instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
      return switch (i.getBitWidth()) {
        case 8 -> PrimitiveType.BYTE;
        case 16 -> PrimitiveType.SHORT;
        default -> PrimitiveType.INT;
      };
    }
    throw annotation(p, path, file);
  }

  private static DataType int64(LogicalTypeAnnotation a, org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    if (a == null || a instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
      return PrimitiveType.LONG;
    }
    if (a instanceof TimestampLogicalTypeAnnotation t && t.getUnit() != TimeUnit.NANOS) {
      return t.isAdjustedToUTC() ? PrimitiveType.TIMESTAMP : PrimitiveType.TIMESTAMP_NTZ;
    }
    throw annotation(p, path, file);
  }

  private static DataType binary(LogicalTypeAnnotation a, org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    if (a == null || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
      return PrimitiveType.BINARY;
    }
    if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return PrimitiveType.STRING;
    }
    throw annotation(p, path, file);
  }

  private static UnsupportedFeatureException annotation(org.apache.parquet.schema.PrimitiveType p, String path, String file) {
    return unsupported(file, path, "its Parquet type " + p.getPrimitiveTypeName() + " " + p.getLogicalTypeAnnotation()
        + " has no Delta type");
  }

  private static UnsupportedFeatureException unsupported(String file, String path, String reason) {
    return new UnsupportedFeatureException(
        "Cannot read column '" + path + "' of Parquet file " + file + ": " + reason
            + ". Rewrite the file without it, or convert the column to a supported type first.");
  }
}
