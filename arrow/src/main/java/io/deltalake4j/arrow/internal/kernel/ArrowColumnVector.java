package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;
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
import org.apache.arrow.vector.complex.StructVector;

/**
 * A Kernel column vector over an Arrow vector of primitives or structs, so Kernel's transforms
 * and predicate evaluation run over decoded Arrow data without copying it. Closing does nothing:
 * the vector's owner (the decoder) frees it.
 */
public final class ArrowColumnVector implements ColumnVector {

  private final DataType type;
  private final FieldVector vector;

  public ArrowColumnVector(DataType type, FieldVector vector) {
    this.type = type;
    this.vector = vector;
  }

  /** The Arrow vector underneath. */
  public FieldVector arrow() {
    return vector;
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return vector.getValueCount();
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return vector.isNull(rowId);
  }

  @Override
  public boolean getBoolean(int rowId) {
    return ((BitVector) vector).get(rowId) != 0;
  }

  @Override
  public byte getByte(int rowId) {
    return ((TinyIntVector) vector).get(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return ((SmallIntVector) vector).get(rowId);
  }

  @Override
  public int getInt(int rowId) {
    return vector instanceof DateDayVector d ? d.get(rowId) : ((IntVector) vector).get(rowId);
  }

  @Override
  public long getLong(int rowId) {
    return vector instanceof TimeStampVector t ? t.get(rowId) : ((BigIntVector) vector).get(rowId);
  }

  @Override
  public float getFloat(int rowId) {
    return ((Float4Vector) vector).get(rowId);
  }

  @Override
  public double getDouble(int rowId) {
    return ((Float8Vector) vector).get(rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return ((VarBinaryVector) vector).get(rowId);
  }

  @Override
  public String getString(int rowId) {
    return new String(((VarCharVector) vector).get(rowId), StandardCharsets.UTF_8);
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return ((DecimalVector) vector).getObject(rowId);
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    StructVector struct = (StructVector) vector;
    return new ArrowColumnVector(((StructType) type).at(ordinal).getDataType(), (FieldVector) struct.getChildByOrdinal(ordinal));
  }
}
