package io.deltalake4j.internal.rows;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructType;
import java.util.Arrays;

/** An immutable row over an array of already-checked Java values. */
public final class ArrayRow implements Row {

  private final StructType schema;
  private final Object[] values;

  /** Takes ownership of {@code values}; they must already match the schema. */
  public ArrayRow(StructType schema, Object[] values) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(
          "Row has " + values.length + " values but the schema has " + schema.size() + " columns");
    }
    this.schema = schema;
    this.values = values;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  /** The value; a binary value is a copy, so the row stays immutable. */
  @Override
  public Object get(int index) {
    Object v = values[index];
    return v instanceof byte[] b ? b.clone() : v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayRow other
        && schema.equals(other.schema)
        && Arrays.deepEquals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * schema.hashCode() + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = values[i];
      sb.append(schema.field(i).name()).append('=');
      sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
    }
    return sb.append('}').toString();
  }
}
