package io.deltalake4j.examples.analytics;

import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Money columns ({@code decimal(p, 2)}, p at most 18) read from Arrow as whole cents. */
final class Cents {
  private Cents() {}

  /** The vector as a money column, or an error naming what it is instead. */
  static DecimalVector column(FieldVector vector) {
    if (!(vector instanceof DecimalVector decimals) || decimals.getScale() != 2 || decimals.getPrecision() > 18) {
      throw new IllegalArgumentException("Column " + vector.getName() + " is " + vector.getField().getType()
          + ", not money: expected decimal(p, 2) with p <= 18");
    }
    return decimals;
  }

  /**
   * The unscaled value at {@code index}: Arrow keeps a decimal as a 128-bit little-endian integer,
   * whose low 64 bits hold the whole value when the precision is 18 or less.
   */
  static long of(DecimalVector column, int index) {
    return column.getDataBuffer().getLong((long) index * DecimalVector.TYPE_WIDTH);
  }
}
