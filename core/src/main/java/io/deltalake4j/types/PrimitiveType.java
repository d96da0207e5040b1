package io.deltalake4j.types;

/** The Delta types that take no parameters. */
public enum PrimitiveType implements DataType {
  BOOLEAN("boolean"),
  BYTE("tinyint"),
  SHORT("smallint"),
  INT("int"),
  LONG("bigint"),
  FLOAT("float"),
  DOUBLE("double"),
  STRING("string"),
  BINARY("binary"),
  /** Days since 1970-01-01; Java value {@link java.time.LocalDate}. */
  DATE("date"),
  /** Microseconds since the epoch in UTC; Java value {@link java.time.Instant}. */
  TIMESTAMP("timestamp"),
  /** Microseconds, no time zone; Java value {@link java.time.LocalDateTime}. */
  TIMESTAMP_NTZ("timestamp_ntz"),
  /**
   * Semi-structured variant values; Java value a {@code String}, the value's JSON text as Spark's
   * {@code to_json} prints it (time zone UTC), shredded or not in the data files. Writing one
   * fails with {@code UnsupportedFeatureException}, as does reading a variant shredded inside an
   * array or map.
   */
  VARIANT("variant");

  private final String sql;

  PrimitiveType(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public String toString() {
    return sql;
  }
}
