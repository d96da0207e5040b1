package io.deltalake4j.types;

/** A fixed-point decimal: {@code precision} digits in all, {@code scale} of them after the point. */
public record DecimalType(int precision, int scale) implements DataType {

  /** The largest precision Delta supports. */
  public static final int MAX_PRECISION = 38;

  public DecimalType {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new IllegalArgumentException(
          "Invalid decimal precision: " + precision + ". Use 1 to " + MAX_PRECISION + ".");
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "Invalid decimal scale: " + scale + ". Use 0 to the precision (" + precision + ").");
    }
  }

  @Override
  public String sql() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
