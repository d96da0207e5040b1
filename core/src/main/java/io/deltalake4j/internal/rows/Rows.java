package io.deltalake4j.internal.rows;

import io.deltalake4j.Row;
import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The static helpers behind {@link Row}'s factories and getters. */
public final class Rows {
  private Rows() {}

  public static Row of(StructType schema, Object... values) {
    if (values.length != schema.size()) {
      throw new SchemaMismatchException(
          "Cannot build row: got " + values.length + " values for " + schema.size()
              + " columns " + schema.fieldNames() + ". Give one value per column, in schema order.");
    }
    Object[] checked = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      checked[i] = Values.check(schema.field(i), values[i], schema.field(i).name());
    }
    return new ArrayRow(schema, checked);
  }

  public static Row fromMap(StructType schema, Map<String, ?> values) {
    for (String key : values.keySet()) {
      if (schema.indexOf(key) < 0) {
        throw new SchemaMismatchException(
            "Cannot build row: column '" + key + "' is not in the schema " + schema.fieldNames()
                + ". Remove it or add the column to the table.");
      }
    }
    Object[] checked = new Object[schema.size()];
    for (int i = 0; i < checked.length; i++) {
      String name = schema.field(i).name();
      checked[i] = Values.check(schema.field(i), values.get(name), name);
    }
    return new ArrayRow(schema, checked);
  }

  public static int indexOf(StructType schema, String column) {
    int i = schema.indexOf(column);
    if (i < 0) {
      throw new ColumnNotFoundException(
          "Cannot find column '" + column + "': the row has columns " + schema.fieldNames() + ".");
    }
    return i;
  }

  public static <T> T nonNull(Row row, String column, Class<T> type) {
    return nonNull(row, indexOf(row.schema(), column), type);
  }

  public static <T> T nonNull(Row row, int index, Class<T> type) {
    Object v = row.get(index);
    if (v == null) {
      throw new IllegalStateException(
          "Cannot read column '" + row.schema().field(index).name()
              + "' as a primitive: the value is null. Check isNull first.");
    }
    return cast(row, index, v, type);
  }

  public static <T> T nullable(Row row, String column, Class<T> type) {
    return nullable(row, indexOf(row.schema(), column), type);
  }

  public static <T> T nullable(Row row, int index, Class<T> type) {
    Object v = row.get(index);
    return v == null ? null : cast(row, index, v, type);
  }

  private static <T> T cast(Row row, int index, Object v, Class<T> type) {
    if (!type.isInstance(v)) {
      throw new ClassCastException(
          "Cannot read column '" + row.schema().field(index).name() + "' of type "
              + row.schema().field(index).type().sql() + " as " + type.getSimpleName() + ".");
    }
    return type.cast(v);
  }

  public static Map<String, Object> toMap(Row row) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      map.put(row.schema().field(i).name(), row.get(i));
    }
    return map;
  }
}
