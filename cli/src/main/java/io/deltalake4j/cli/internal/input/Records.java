package io.deltalake4j.cli.internal.input;

import io.deltalake4j.Row;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;

/** Builds a checked row from one record's converted values, with errors that say where it was. */
final class Records {
  private Records() {}

  /** @param where the record, e.g. {@code line 17 of in.jsonl} */
  static Row row(StructType schema, Object[] values, String where) {
    for (int i = 0; i < values.length; i++) {
      StructField f = schema.field(i);
      if (values[i] == null && !f.nullable()) {
        throw new InputException("Cannot read " + where + ": column '" + f.name() + "' (" + f.type().sql()
            + " NOT NULL) got null. Fix the value or the schema.");
      }
    }
    try {
      return Row.of(schema, values);
    } catch (SchemaMismatchException e) {
      throw new InputException("Cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  static InputException bad(String where, BadValue bad) {
    return new InputException("Cannot read " + where + ": " + bad.getMessage() + ". Fix the value or the schema.");
  }

  static InputException unknownColumn(String where, String column, StructType schema) {
    return new InputException("Cannot read " + where + ": column '" + column + "' is not in the schema "
        + schema.fieldNames() + ". Remove it from the input, or add it to the schema "
        + "(--infer-schema with --merge-schema adds new columns to a table).");
  }
}
