package io.deltalake4j.arrow.internal.kernel.parquet;

import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MetadataColumnSpec;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Matches a requested Kernel schema to a Parquet file's schema, as Kernel's reader does: by field
 * id, then name, then name ignoring case, at every level; absent columns read as null. It plans
 * only what the column-wise decoder handles natively (primitives, structs, the widenings Kernel
 * allows); for anything else it answers null, and the file is read by Kernel's reader instead.
 */
final class ColumnPlanner {

  private static final String FIELD_ID = "parquet.field.id";

  private final MessageType file;
  private final List<Type> requested = new ArrayList<>();

  /** The plans, and the file schema pruned to the columns they read. */
  record Planned(List<ColumnPlan> columns, MessageType requestedSchema) {}

  private ColumnPlanner(MessageType file) {
    this.file = file;
  }

  /** The plan for reading {@code schema} from {@code file}, or null if the decoder cannot. */
  static Planned plan(MessageType file, StructType schema) {
    ColumnPlanner planner = new ColumnPlanner(file);
    List<ColumnPlan> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      ColumnPlan p;
      if (f.isMetadataColumn()) {
        if (f.getMetadataColumnSpec() != MetadataColumnSpec.ROW_INDEX || !(f.getDataType() instanceof LongType)) {
          return null;
        }
        p = new ColumnPlan.RowIndex(f.getDataType());
      } else {
        Type match = match(file, f);
        if (match == null) {
          p = new ColumnPlan.Missing(f.getDataType());
        } else {
          p = planner.planField(new String[] {match.getName()}, match, f.getDataType());
          if (p == null) {
            return null;
          }
          planner.requested.add(prune(match, p));
        }
      }
      columns.add(p);
    }
    return new Planned(columns, new MessageType(file.getName(), planner.requested));
  }

  private ColumnPlan planField(String[] path, Type type, DataType target) {
    if (target instanceof StructType s) {
      if (type.isPrimitive() || type.getLogicalTypeAnnotation() != null || type.getRepetition() == Type.Repetition.REPEATED) {
        return null; // a LIST or MAP group, a legacy repeated group, or a primitive where a struct is expected
      }
      GroupType group = type.asGroupType();
      List<ColumnPlan> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        Type child = match(group, f);
        if (child == null) {
          fields.add(new ColumnPlan.Missing(f.getDataType()));
          continue;
        }
        String[] childPath = Arrays.copyOf(path, path.length + 1);
        childPath[path.length] = child.getName();
        ColumnPlan p = planField(childPath, child, f.getDataType());
        if (p == null) {
          return null;
        }
        fields.add(p);
      }
      if (fields.stream().allMatch(f -> f instanceof ColumnPlan.Missing)) {
        return null; // no leaf to learn the struct's nulls from
      }
      return new ColumnPlan.Struct(target, fields, file.getMaxDefinitionLevel(path));
    }
    if (!type.isPrimitive() || type.getRepetition() == Type.Repetition.REPEATED) {
      return null;
    }
    ValueKind kind = kind(type.asPrimitiveType(), target);
    return kind == null ? null : new ColumnPlan.Leaf(target, file.getColumnDescription(path), kind);
  }

  private static ValueKind kind(PrimitiveType p, DataType target) {
    LogicalTypeAnnotation annotation = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return target instanceof BooleanType ? ValueKind.BOOLEAN : null;
      case INT32:
        if (target instanceof IntegerType || target instanceof ShortType || target instanceof ByteType
            || target instanceof DateType) {
          return ValueKind.INT32;
        }
        if (target instanceof LongType) {
          return ValueKind.INT32_TO_LONG;
        }
        if (target instanceof DoubleType) {
          return ValueKind.INT32_TO_DOUBLE;
        }
        return sameScaleDecimal(annotation, target) ? ValueKind.DECIMAL_LONG : null;
      case INT64:
        if (target instanceof LongType) {
          return ValueKind.INT64;
        }
        if (target instanceof TimestampType || target instanceof TimestampNTZType) {
          if (!(annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts)
              || ts.isAdjustedToUTC() != (target instanceof TimestampType)) {
            return null;
          }
          return switch (ts.getUnit()) {
            case MICROS -> ValueKind.INT64;
            case MILLIS -> ValueKind.MILLIS_TO_MICROS;
            case NANOS -> null;
          };
        }
        return sameScaleDecimal(annotation, target) ? ValueKind.DECIMAL_LONG : null;
      case INT96:
        return target instanceof TimestampType || target instanceof TimestampNTZType ? ValueKind.INT96_TO_MICROS : null;
      case FLOAT:
        return target instanceof FloatType ? ValueKind.FLOAT : target instanceof DoubleType ? ValueKind.FLOAT_TO_DOUBLE : null;
      case DOUBLE:
        return target instanceof DoubleType ? ValueKind.DOUBLE : null;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (target instanceof StringType || target instanceof BinaryType) {
          return ValueKind.BYTES;
        }
        return sameScaleDecimal(annotation, target) ? ValueKind.DECIMAL_BYTES : null;
      default:
        return null;
    }
  }

  private static boolean sameScaleDecimal(LogicalTypeAnnotation annotation, DataType target) {
    return target instanceof DecimalType d
        && annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation a
        && a.getScale() == d.getScale() && a.getPrecision() <= d.getPrecision();
  }

  /** The field of {@code group} that {@code field} names: by id, then name, then name ignoring case. */
  private static Type match(GroupType group, StructField field) {
    if (field.getMetadata().contains(FIELD_ID)) {
      long id = field.getMetadata().getLong(FIELD_ID);
      for (Type t : group.getFields()) {
        if (t.getId() != null && t.getId().intValue() == id) {
          return t;
        }
      }
    }
    if (group.containsField(field.getName())) {
      return group.getType(field.getName());
    }
    for (Type t : group.getFields()) {
      if (t.getName().equalsIgnoreCase(field.getName())) {
        return t;
      }
    }
    return null;
  }

  /** The file's type reduced to the leaves the plan reads. */
  private static Type prune(Type type, ColumnPlan plan) {
    if (!(plan instanceof ColumnPlan.Struct s)) {
      return type;
    }
    GroupType group = type.asGroupType();
    List<Type> kept = new ArrayList<>();
    StructType struct = (StructType) s.type();
    for (int i = 0; i < s.fields().size(); i++) {
      ColumnPlan child = s.fields().get(i);
      if (child instanceof ColumnPlan.Missing) {
        continue;
      }
      Type t = match(group, struct.at(i));
      if (kept.stream().noneMatch(k -> k.getName().equals(t.getName()))) {
        kept.add(prune(t, child));
      }
    }
    return group.withNewFields(kept);
  }
}
