package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.StructType;
import io.deltalake4j.internal.kernel.ValueVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kernel row over plain Java values, for log actions we write ourselves: Long, Boolean, String,
 * a {@code Map<String, String>} for a string map, or a nested {@link JsonRow}. Kernel's JSON writer
 * serialises it by its schema and leaves null fields out.
 */
final class JsonRow implements Row {

  private final StructType schema;
  private final Object[] values;

  JsonRow(StructType schema, Object... values) {
    if (values.length != schema.length()) {
      throw new IllegalArgumentException(values.length + " values for " + schema.length() + " fields");
    }
    this.schema = schema;
    this.values = values;
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public boolean isNullAt(int ordinal) {
    return values[ordinal] == null;
  }

  @Override
  public boolean getBoolean(int ordinal) {
    return (Boolean) values[ordinal];
  }

  @Override
  public byte getByte(int ordinal) {
    throw unsupported("byte");
  }

  @Override
  public short getShort(int ordinal) {
    throw unsupported("short");
  }

  @Override
  public int getInt(int ordinal) {
    return ((Number) values[ordinal]).intValue();
  }

  @Override
  public long getLong(int ordinal) {
    return ((Number) values[ordinal]).longValue();
  }

  @Override
  public float getFloat(int ordinal) {
    throw unsupported("float");
  }

  @Override
  public double getDouble(int ordinal) {
    throw unsupported("double");
  }

  @Override
  public String getString(int ordinal) {
    return (String) values[ordinal];
  }

  @Override
  public BigDecimal getDecimal(int ordinal) {
    throw unsupported("decimal");
  }

  @Override
  public byte[] getBinary(int ordinal) {
    throw unsupported("binary");
  }

  @Override
  public Row getStruct(int ordinal) {
    return (Row) values[ordinal];
  }

  @Override
  public ArrayValue getArray(int ordinal) {
    throw unsupported("array");
  }

  @Override
  public MapValue getMap(int ordinal) {
    @SuppressWarnings("unchecked")
    Map<String, String> map = (Map<String, String>) values[ordinal];
    List<String> keys = new ArrayList<>(map.keySet());
    List<String> vals = new ArrayList<>(map.values());
    ColumnVector keyVector = new ValueVector(io.delta.kernel.types.StringType.STRING, keys);
    ColumnVector valueVector = new ValueVector(io.delta.kernel.types.StringType.STRING, vals);
    return new MapValue() {
      @Override
      public int getSize() {
        return keys.size();
      }

      @Override
      public ColumnVector getKeys() {
        return keyVector;
      }

      @Override
      public ColumnVector getValues() {
        return valueVector;
      }
    };
  }

  private static UnsupportedOperationException unsupported(String type) {
    return new UnsupportedOperationException("JsonRow holds no " + type + " values");
  }
}
