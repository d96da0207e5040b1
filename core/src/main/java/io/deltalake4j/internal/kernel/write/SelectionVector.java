package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;

/** A batch's selection vector over a boolean array: TRUE for the rows to write, never null. */
final class SelectionVector implements ColumnVector {

  private final boolean[] selected;

  SelectionVector(boolean[] selected) {
    this.selected = selected;
  }

  @Override
  public DataType getDataType() {
    return BooleanType.BOOLEAN;
  }

  @Override
  public int getSize() {
    return selected.length;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return false;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return selected[rowId];
  }

  @Override
  public void close() {}
}
