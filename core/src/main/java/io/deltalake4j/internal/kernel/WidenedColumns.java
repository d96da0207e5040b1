package io.deltalake4j.internal.kernel;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TypeChange;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Columns widened from date (type widening, e.g. date to timestamp_ntz). Files written before the
 * change keep date statistics ({@code "2024-09-09"}), which Kernel fails to parse as the new type,
 * so filters on these columns must not reach Kernel's file skipping; they are applied to rows only.
 */
final class WidenedColumns {
  private WidenedColumns() {}

  /** The top-level columns that are, or contain, a field widened from date. */
  static Set<String> fromDate(StructType schema) {
    Set<String> out = new LinkedHashSet<>();
    for (StructField f : schema.fields()) {
      if (widenedFromDate(f)) {
        out.add(f.getName());
      }
    }
    return out;
  }

  private static boolean widenedFromDate(StructField f) {
    for (TypeChange c : f.getTypeChanges()) {
      if (c.getFrom() instanceof DateType) {
        return true;
      }
    }
    return containsWidened(f.getDataType());
  }

  private static boolean containsWidened(DataType t) {
    if (t instanceof StructType s) {
      return s.fields().stream().anyMatch(WidenedColumns::widenedFromDate);
    }
    if (t instanceof ArrayType a) {
      return containsWidened(a.getElementType());
    }
    if (t instanceof MapType m) {
      return containsWidened(m.getKeyType()) || containsWidened(m.getValueType());
    }
    return false;
  }
}
