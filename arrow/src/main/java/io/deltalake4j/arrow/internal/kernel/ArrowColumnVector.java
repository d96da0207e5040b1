package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructType;
import io.deltalake4j.arrow.internal.ArrowShapes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A Kernel column vector over an Arrow vector, or a slice of one, so Kernel's transforms,
 * predicate evaluation and Parquet writer run over Arrow data without copying it. Timestamps of
 * any unit read as microseconds. Closing does nothing: the vector's owner frees it.
 */
public final class ArrowColumnVector implements ColumnVector {

  private final DataType type;
  private final FieldVector vector;
  private final int offset;
  private final int size;
  private final TimeUnit unit; // of a timestamp vector, else null

  public ArrowColumnVector(DataType type, FieldVector vector) {
    this(type, vector, 0, vector.getValueCount());
  }

  private ArrowColumnVector(DataType type, FieldVector vector, int offset, int size) {
    this.type = type;
    this.vector = vector;
    this.offset = offset;
    this.size = size;
    this.unit = vector instanceof TimeStampVector t ? ((ArrowType.Timestamp) t.getField().getType()).getUnit() : null;
  }

  /** The Arrow vector underneath; row {@code i} of this vector is its row {@code offset() + i}. */
  public FieldVector arrow() {
    return vector;
  }

  /** Where this vector's rows start in {@link #arrow()}. */
  public int offset() {
    return offset;
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return vector.isNull(offset + rowId);
  }

  @Override
  public boolean getBoolean(int rowId) {
    return ((BitVector) vector).get(offset + rowId) != 0;
  }

  @Override
  public byte getByte(int rowId) {
    return ((TinyIntVector) vector).get(offset + rowId);
  }

  @Override
  public short getShort(int rowId) {
    return ((SmallIntVector) vector).get(offset + rowId);
  }

  @Override
  public int getInt(int rowId) {
    return vector instanceof DateDayVector d ? d.get(offset + rowId) : ((IntVector) vector).get(offset + rowId);
  }

  @Override
  public long getLong(int rowId) {
    if (unit == null) {
      return ((BigIntVector) vector).get(offset + rowId);
    }
    return ArrowShapes.micros(unit, ((TimeStampVector) vector).get(offset + rowId));
  }

  @Override
  public float getFloat(int rowId) {
    return ((Float4Vector) vector).get(offset + rowId);
  }

  @Override
  public double getDouble(int rowId) {
    return ((Float8Vector) vector).get(offset + rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return ((VarBinaryVector) vector).get(offset + rowId);
  }

  @Override
  public String getString(int rowId) {
    return new String(((VarCharVector) vector).get(offset + rowId), StandardCharsets.UTF_8);
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    DecimalVector decimals = (DecimalVector) vector;
    long at = (long) (offset + rowId) * DecimalVector.TYPE_WIDTH;
    long low = decimals.getDataBuffer().getLong(at);
    if (decimals.getDataBuffer().getLong(at + Long.BYTES) == (low >> 63)) {
      return BigDecimal.valueOf(low, decimals.getScale()); // fits a long: no byte array, no BigInteger
    }
    return decimals.getObject(offset + rowId);
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    StructVector struct = (StructVector) vector;
    return new ArrowColumnVector(
        ((StructType) type).at(ordinal).getDataType(), (FieldVector) struct.getChildByOrdinal(ordinal), offset, size);
  }

  @Override
  public ArrayValue getArray(int rowId) {
    ListVector list = (ListVector) vector;
    int start = list.getElementStartIndex(offset + rowId);
    int length = list.getElementEndIndex(offset + rowId) - start;
    ColumnVector elements = new ArrowColumnVector(((ArrayType) type).getElementType(), list.getDataVector(), start, length);
    return new ArrayValue() {
      @Override
      public int getSize() {
        return length;
      }

      @Override
      public ColumnVector getElements() {
        return elements;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    MapVector map = (MapVector) vector;
    MapType mapType = (MapType) type;
    int start = map.getElementStartIndex(offset + rowId);
    int length = map.getElementEndIndex(offset + rowId) - start;
    StructVector entries = (StructVector) map.getDataVector();
    ColumnVector keys = new ArrowColumnVector(mapType.getKeyType(), (FieldVector) entries.getChildByOrdinal(0), start, length);
    ColumnVector values = new ArrowColumnVector(mapType.getValueType(), (FieldVector) entries.getChildByOrdinal(1), start, length);
    return new MapValue() {
      @Override
      public int getSize() {
        return length;
      }

      @Override
      public ColumnVector getKeys() {
        return keys;
      }

      @Override
      public ColumnVector getValues() {
        return values;
      }
    };
  }
}
