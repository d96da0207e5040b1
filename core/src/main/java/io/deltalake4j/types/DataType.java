package io.deltalake4j.types;

/**
 * A Delta column type. The model mirrors the Delta protocol's types; {@link #toString()} gives the
 * Spark SQL spelling ({@code decimal(10,2)}, {@code array<int>}, {@code struct<a:int,b:string>}).
 *
 * <p>Java values for each type, as returned by {@code Row.get} and accepted by the row builder:
 * boolean {@code Boolean}, byte {@code Byte}, short {@code Short}, int {@code Integer}, long
 * {@code Long}, float {@code Float}, double {@code Double}, decimal {@code BigDecimal}, string
 * {@code String}, binary {@code byte[]}, date {@code LocalDate}, timestamp {@code Instant},
 * timestamp_ntz {@code LocalDateTime}, struct {@code Row}, array {@code List}, map {@code Map}.
 */
public sealed interface DataType permits PrimitiveType, DecimalType, ArrayType, MapType, StructType {

  /** The type in Spark SQL / Delta DDL spelling, e.g. {@code map<string,array<int>>}. */
  String sql();
}
