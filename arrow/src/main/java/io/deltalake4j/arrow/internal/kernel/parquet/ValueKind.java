package io.deltalake4j.arrow.internal.kernel.parquet;

/** The conversions from a Parquet physical value to an Arrow value that the decoder performs. */
enum ValueKind {
  BOOLEAN,
  /** INT32 into an 8, 16 or 32-bit integer, or days into a date. */
  INT32,
  /** INT32 widened to a 64-bit integer. */
  INT32_TO_LONG,
  /** INT32 widened to a double. */
  INT32_TO_DOUBLE,
  INT64,
  FLOAT,
  /** FLOAT widened to a double. */
  FLOAT_TO_DOUBLE,
  DOUBLE,
  /** INT64 milliseconds to microseconds. */
  MILLIS_TO_MICROS,
  /** INT96 (nanoseconds of day and Julian day) to microseconds. */
  INT96_TO_MICROS,
  /** An unscaled INT32 or INT64 decimal of the column's scale. */
  DECIMAL_LONG,
  /** A big-endian two's-complement decimal of the column's scale. */
  DECIMAL_BYTES,
  /** Bytes into a string or binary vector. */
  BYTES
}
