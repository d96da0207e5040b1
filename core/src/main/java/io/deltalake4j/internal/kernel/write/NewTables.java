package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.List;
import java.util.Map;

/** The rules for a table's schema and partitioning, checked before anything is written. */
final class NewTables {
  private NewTables() {}

  static final String COLUMN_MAPPING_MODE = "delta.columnMapping.mode";

  /** Checks the schema and partition columns of a table to create. */
  static void validateNew(String location, StructType schema, List<String> partitionColumns) {
    validate("Cannot create table at " + location + ": ", schema, partitionColumns);
  }

  /** Checks a schema and its partition columns; {@code what} starts the messages ("Cannot ...: "). */
  static void validate(String what, StructType schema, List<String> partitionColumns) {
    if (schema.size() == 0) {
      throw new SchemaMismatchException(what + "the schema has no columns. Give it at least one.");
    }
    for (String p : partitionColumns) {
      if (p.chars().anyMatch(NewTables::escapedInPaths)) {
        throw new SchemaMismatchException(
            what + "partition column name '" + p + "' has a character that is not allowed in a directory name "
                + "(control characters and \" # % ' * / : = ? \\ { [ ] ^). Rename the column.");
      }
      int i = schema.indexOf(p);
      if (i < 0) {
        throw new SchemaMismatchException(
            what + "partition column '" + p + "' is not in the schema " + schema.fieldNames() + ".");
      }
      DataType t = schema.field(i).type();
      if (!(t instanceof PrimitiveType) && !(t instanceof DecimalType)
          || t == PrimitiveType.BINARY || t == PrimitiveType.VARIANT) {
        throw new SchemaMismatchException(
            what + "partition column '" + p + "' has type " + t.sql() + "; partition by a column of a primitive type.");
      }
    }
    if (partitionColumns.size() == schema.size()) {
      throw new SchemaMismatchException(what + "every column is a partition column. Leave at least one data column.");
    }
    if (partitionColumns.stream().distinct().count() != partitionColumns.size()) {
      throw new SchemaMismatchException(what + "a partition column is named twice: " + partitionColumns + ".");
    }
  }

  /** Kernel 4.4 refuses data writes into column-mapped tables; say so before anything is written. */
  static void requireNoColumnMapping(String location, Map<String, String> properties) {
    String mode = properties.getOrDefault(COLUMN_MAPPING_MODE, "none");
    if (!mode.equals("none")) {
      throw new UnsupportedFeatureException(
          "Cannot write to table " + location + ": it uses column mapping (mode '" + mode + "'), and "
              + "Delta Kernel 4.4 cannot write into column-mapped tables yet. Write with Spark, or only read.");
    }
  }

  /** The characters Spark escapes in partition directory names; Kernel does not escape column names. */
  private static boolean escapedInPaths(int c) {
    return c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }
}
