package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * mergeSchema's rule: the rows' schema holds the table's columns (any order, same types) and may
 * add nullable top-level columns, which go after the table's. Types that would need a protocol
 * upgrade (timestamp_ntz, variant) cannot be added this way.
 */
final class SchemaMerge {
  private SchemaMerge() {}

  /** The table's schema widened by the rows' new columns. */
  static StructType merge(StructType table, StructType rows, String location) {
    String what = "Cannot merge the rows' schema into table " + location + ": ";
    List<StructField> fields = new ArrayList<>(table.fields());
    Set<String> names = new HashSet<>();
    table.fieldNames().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    for (StructField f : table.fields()) {
      StructField given = rows.field(f.name()).orElseThrow(() -> new SchemaMismatchException(
          what + "it has no column '" + f.name() + "'. Rows must keep every column of the table; mergeSchema only adds."));
      if (!RowChecker.sameType(given.type(), f.type())) {
        throw new SchemaMismatchException(
            what + "column '" + f.name() + "' is " + given.type().sql() + " in the rows but " + f.type().sql()
                + " in the table. mergeSchema adds columns; it does not change types.");
      }
    }
    List<StructField> added = rows.fields().stream().filter(f -> table.indexOf(f.name()) < 0).toList();
    checkNewColumns(added, names, true, what);
    fields.addAll(added);
    return StructType.of(fields);
  }

  /**
   * Checks columns a commit adds to a table without column mapping: unique names (ignoring case,
   * against {@code taken}, lower case, which is updated), characters such tables can hold, no type
   * that needs a table feature, and, if {@code nullable}, no NOT NULL.
   */
  static void checkNewColumns(List<StructField> columns, Set<String> taken, boolean nullable, String what) {
    for (StructField f : columns) {
      if (!taken.add(f.name().toLowerCase(Locale.ROOT))) {
        throw new SchemaMismatchException(
            what + "column '" + f.name() + "' differs from another one only in case. Rename it.");
      }
      if (nullable && !f.nullable()) {
        throw new SchemaMismatchException(
            what + "new column '" + f.name() + "' is NOT NULL, but the table's existing rows have no value for it. "
                + "Make it nullable.");
      }
      if (needsFeature(f.type())) {
        throw new SchemaMismatchException(
            what + "column '" + f.name() + "' has type " + f.type().sql() + ", which needs a table feature "
                + "deltalake4j cannot add to an existing table yet. Change the schema with Spark.");
      }
      if (f.name().chars().anyMatch(c -> " ,;{}()\n\t=".indexOf(c) >= 0)) {
        throw new SchemaMismatchException(
            what + "column '" + f.name() + "' has a character (space , ; { } ( ) = tab newline) that tables "
                + "without column mapping cannot hold. Rename it.");
      }
    }
  }

  private static boolean needsFeature(DataType t) {
    if (t == PrimitiveType.TIMESTAMP_NTZ || t == PrimitiveType.VARIANT) {
      return true;
    }
    if (t instanceof StructType s) {
      return s.fields().stream().anyMatch(f -> needsFeature(f.type()));
    }
    if (t instanceof io.deltalake4j.types.ArrayType a) {
      return needsFeature(a.elementType());
    }
    if (t instanceof io.deltalake4j.types.MapType m) {
      return needsFeature(m.keyType()) || needsFeature(m.valueType());
    }
    return false;
  }
}
