package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.Row;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.internal.rows.Rows;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.StructType;

/** Checks rows against the schema they are written with: names, types, values, NOT NULL. */
final class RowChecker {

  private final StructType schema;
  private final String location;

  RowChecker(StructType schema, String location) {
    this.schema = schema;
    this.location = location;
  }

  /** The row, checked; a row of another {@link Row} implementation comes back as a checked copy. */
  Row check(Row row) {
    if (row == null) {
      throw new SchemaMismatchException("Cannot write to table " + location + ": a row is null.");
    }
    StructType rs = row.schema();
    if (rs != schema && !sameColumns(rs, schema)) {
      throw new SchemaMismatchException(
          "Cannot write to table " + location + ": the row's columns " + describe(rs)
              + " do not match the table's " + describe(schema)
              + ". Build rows with the table's schema (DeltaTable.schema()), or allow new columns with mergeSchema(...).");
    }
    Row checked = row;
    if (!(row instanceof ArrayRow)) {
      // A Row implemented outside the library: check its values as the row builder would.
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      checked = Rows.of(schema, values);
    }
    for (int i = 0; i < schema.size(); i++) {
      if (!schema.field(i).nullable() && checked.get(i) == null) {
        throw new SchemaMismatchException(
            "Cannot write null into column '" + schema.field(i).name() + "' of table " + location
                + ": the column is NOT NULL.");
      }
    }
    return checked;
  }

  static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.field(i).name().equals(b.field(i).name()) || !sameType(a.field(i).type(), b.field(i).type())) {
        return false;
      }
    }
    return true;
  }

  static boolean sameType(DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return sameColumns(sa, sb);
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return sameType(aa.elementType(), ab.elementType());
    }
    if (a instanceof MapType ma && b instanceof MapType mb) {
      return sameType(ma.keyType(), mb.keyType()) && sameType(ma.valueType(), mb.valueType());
    }
    return a.equals(b);
  }

  static String describe(StructType s) {
    return s.fields().stream().map(f -> f.name() + " " + f.type().sql()).toList().toString();
  }
}
