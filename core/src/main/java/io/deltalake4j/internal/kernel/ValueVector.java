package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;
import io.deltalake4j.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kernel column vector over our Java values (already checked against the column type), for
 * handing rows to Kernel's writer. Dates, timestamps, structs, lists and maps are converted to
 * Kernel's representation on access.
 */
public final class ValueVector implements ColumnVector {

  private final DataType type;
  private final List<?> values;

  public ValueVector(DataType type, List<?> values) {
    this.type = type;
    this.values = values;
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return values.size();
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return values.get(rowId) == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values.get(rowId);
  }

  @Override
  public byte getByte(int rowId) {
    return (Byte) values.get(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return (Short) values.get(rowId);
  }

  @Override
  public int getInt(int rowId) {
    Object v = values.get(rowId);
    return v instanceof LocalDate d ? (int) d.toEpochDay() : (Integer) v;
  }

  @Override
  public long getLong(int rowId) {
    Object v = values.get(rowId);
    if (v instanceof Instant i) {
      return Micros.of(i);
    }
    if (v instanceof LocalDateTime t) {
      return Micros.of(t.toInstant(ZoneOffset.UTC));
    }
    return (Long) v;
  }

  @Override
  public float getFloat(int rowId) {
    return (Float) values.get(rowId);
  }

  @Override
  public double getDouble(int rowId) {
    return (Double) values.get(rowId);
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return (BigDecimal) values.get(rowId);
  }

  @Override
  public String getString(int rowId) {
    return (String) values.get(rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return (byte[]) values.get(rowId);
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    StructType struct = (StructType) type;
    List<Object> field = new ArrayList<>(values.size());
    for (Object v : values) {
      field.add(v == null ? null : ((Row) v).get(ordinal));
    }
    return new ValueVector(struct.at(ordinal).getDataType(), field);
  }

  @Override
  public ArrayValue getArray(int rowId) {
    List<?> list = (List<?>) values.get(rowId);
    DataType elementType = ((io.delta.kernel.types.ArrayType) type).getElementType();
    ColumnVector elements = new ValueVector(elementType, list);
    return new ArrayValue() {
      @Override
      public int getSize() {
        return list.size();
      }

      @Override
      public ColumnVector getElements() {
        return elements;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    Map<?, ?> map = (Map<?, ?>) values.get(rowId);
    io.delta.kernel.types.MapType mapType = (io.delta.kernel.types.MapType) type;
    ColumnVector keys = new ValueVector(mapType.getKeyType(), new ArrayList<>(map.keySet()));
    ColumnVector vals = new ValueVector(mapType.getValueType(), new ArrayList<>(map.values()));
    return new MapValue() {
      @Override
      public int getSize() {
        return map.size();
      }

      @Override
      public ColumnVector getKeys() {
        return keys;
      }

      @Override
      public ColumnVector getValues() {
        return vals;
      }
    };
  }
}
