package io.deltalake4j.arrow.internal.kernel.parquet;

import io.delta.kernel.types.ArrayType;
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
import io.delta.kernel.types.MapType;
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
 * only what the column-wise decoder handles natively (primitives, structs, lists and maps in the
 * standard three-level layout, the widenings Kernel allows); for anything else it answers null,
 * and the file is read by Kernel's reader instead.
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
    if (target instanceof ArrayType a) {
      Type repeated = repeatedGroup(type, LogicalTypeAnnotation.ListLogicalTypeAnnotation.class, 1);
      if (repeated == null || isLegacyList(type, repeated)) {
        return null;
      }
      String[] repeatedPath = child(path, repeated.getName());
      Type element = repeated.asGroupType().getType(0);
      ColumnPlan elementPlan = planField(child(repeatedPath, element.getName()), element, a.getElementType());
      return elementPlan == null ? null : new ColumnPlan.Repeated(target, elementPlan,
          file.getMaxDefinitionLevel(path), file.getMaxDefinitionLevel(repeatedPath), file.getMaxRepetitionLevel(repeatedPath));
    }
    if (target instanceof MapType m) {
      Type repeated = repeatedGroup(type, LogicalTypeAnnotation.MapLogicalTypeAnnotation.class, 2);
      if (repeated == null) {
        return null;
      }
      String[] repeatedPath = child(path, repeated.getName());
      GroupType entries = repeated.asGroupType();
      ColumnPlan key = planField(child(repeatedPath, entries.getType(0).getName()), entries.getType(0), m.getKeyType());
      ColumnPlan value = planField(child(repeatedPath, entries.getType(1).getName()), entries.getType(1), m.getValueType());
      if (key == null || value == null) {
        return null;
      }
      int elementLevel = file.getMaxDefinitionLevel(repeatedPath);
      StructType entryType = new StructType().add("key", m.getKeyType(), false).add("value", m.getValueType());
      return new ColumnPlan.Repeated(target, new ColumnPlan.Struct(entryType, List.of(key, value), elementLevel),
          file.getMaxDefinitionLevel(path), elementLevel, file.getMaxRepetitionLevel(repeatedPath));
    }
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
        ColumnPlan p = planField(child(path, child.getName()), child, f.getDataType());
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

  private static String[] child(String[] path, String name) {
    String[] childPath = Arrays.copyOf(path, path.length + 1);
    childPath[path.length] = name;
    return childPath;
  }

  /**
   * The repeated group inside a LIST or MAP group of the standard three-level layout, holding
   * {@code fields} fields; null for anything else (which Kernel's reader then reads).
   */
  private static Type repeatedGroup(Type type, Class<?> annotation, int fields) {
    if (type.isPrimitive() || type.getRepetition() == Type.Repetition.REPEATED) {
      return null;
    }
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    boolean annotated = annotation.isInstance(a)
        || (annotation == LogicalTypeAnnotation.MapLogicalTypeAnnotation.class
            && a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation);
    GroupType group = type.asGroupType();
    if (!annotated || group.getFieldCount() != 1) {
      return null;
    }
    Type repeated = group.getType(0);
    return repeated.getRepetition() == Type.Repetition.REPEATED && !repeated.isPrimitive()
        && repeated.asGroupType().getFieldCount() == fields ? repeated : null;
  }

  /** The two-level list layouts the format's compatibility rules name: the repeated group is the element itself. */
  private static boolean isLegacyList(Type list, Type repeated) {
    return repeated.getName().equals("array") || repeated.getName().equals(list.getName() + "_tuple");
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
    if (plan instanceof ColumnPlan.Repeated r) {
      GroupType group = type.asGroupType();
      GroupType repeated = group.getType(0).asGroupType();
      if (r.type() instanceof MapType) {
        List<ColumnPlan> kv = ((ColumnPlan.Struct) r.element()).fields();
        repeated = repeated.withNewFields(prune(repeated.getType(0), kv.get(0)), prune(repeated.getType(1), kv.get(1)));
      } else {
        repeated = repeated.withNewFields(prune(repeated.getType(0), r.element()));
      }
      return group.withNewFields(repeated);
    }
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
