package io.deltalake4j.internal.rows;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructType;

/** Builds rows by column name; each value is checked when set. */
public final class RowBuilder implements Row.Builder {

  private final StructType schema;
  private final Object[] values;

  public RowBuilder(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  @Override
  public Row.Builder set(String column, Object value) {
    int i = Rows.indexOf(schema, column);
    values[i] = Values.check(schema.field(i), value, column);
    return this;
  }

  @Override
  public Row build() {
    Object[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        Values.check(schema.field(i), null, schema.field(i).name());
      }
    }
    return new ArrayRow(schema, copy);
  }
}
