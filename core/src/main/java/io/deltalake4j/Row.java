package io.deltalake4j;

import io.deltalake4j.internal.rows.RowBuilder;
import io.deltalake4j.internal.rows.Rows;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One row of a table or struct: values by position or by column name, typed by {@link #schema()}.
 *
 * <p>Rows returned by scans are immutable values that stay valid after the scan is closed. The
 * typed getters throw {@link IllegalStateException} on a null value (check {@link #isNull} first)
 * and {@link ClassCastException} when the column's type differs; {@link #get} returns the boxed
 * Java value or {@code null} (see {@link io.deltalake4j.types.DataType} for the mapping).
 */
public interface Row {

  /** A row of the given values, in schema order, checked against the schema's types. */
  static Row of(StructType schema, Object... values) {
    return Rows.of(schema, values);
  }

  /** A row from a map of column name to value; absent columns are null. */
  static Row fromMap(StructType schema, Map<String, ?> values) {
    return Rows.fromMap(schema, values);
  }

  /** A builder that sets values by column name; unset columns are null. */
  static Builder builder(StructType schema) {
    return new RowBuilder(schema);
  }

  StructType schema();

  /** The number of columns. */
  default int size() {
    return schema().size();
  }

  /** The boxed Java value at this position, or null. A binary value is returned as a copy. */
  Object get(int index);

  /** The value of the named column, or null; {@link io.deltalake4j.exceptions.ColumnNotFoundException} if there is no such column. */
  default Object get(String column) {
    return get(Rows.indexOf(schema(), column));
  }

  default boolean isNull(int index) {
    return get(index) == null;
  }

  default boolean isNull(String column) {
    return get(column) == null;
  }

  default boolean getBoolean(String column) {
    return Rows.nonNull(this, column, Boolean.class);
  }

  default byte getByte(String column) {
    return Rows.nonNull(this, column, Byte.class);
  }

  default short getShort(String column) {
    return Rows.nonNull(this, column, Short.class);
  }

  default int getInt(String column) {
    return Rows.nonNull(this, column, Integer.class);
  }

  default long getLong(String column) {
    return Rows.nonNull(this, column, Long.class);
  }

  default float getFloat(String column) {
    return Rows.nonNull(this, column, Float.class);
  }

  default double getDouble(String column) {
    return Rows.nonNull(this, column, Double.class);
  }

  default boolean getBoolean(int index) {
    return Rows.nonNull(this, index, Boolean.class);
  }

  default byte getByte(int index) {
    return Rows.nonNull(this, index, Byte.class);
  }

  default short getShort(int index) {
    return Rows.nonNull(this, index, Short.class);
  }

  default int getInt(int index) {
    return Rows.nonNull(this, index, Integer.class);
  }

  default long getLong(int index) {
    return Rows.nonNull(this, index, Long.class);
  }

  default float getFloat(int index) {
    return Rows.nonNull(this, index, Float.class);
  }

  default double getDouble(int index) {
    return Rows.nonNull(this, index, Double.class);
  }

  default BigDecimal getDecimal(String column) {
    return Rows.nullable(this, column, BigDecimal.class);
  }

  default String getString(String column) {
    return Rows.nullable(this, column, String.class);
  }

  /** The binary value, a copy the caller may change. */
  default byte[] getBinary(String column) {
    return Rows.nullable(this, column, byte[].class);
  }

  default LocalDate getDate(String column) {
    return Rows.nullable(this, column, LocalDate.class);
  }

  default Instant getTimestamp(String column) {
    return Rows.nullable(this, column, Instant.class);
  }

  default LocalDateTime getTimestampNtz(String column) {
    return Rows.nullable(this, column, LocalDateTime.class);
  }

  default Row getStruct(String column) {
    return Rows.nullable(this, column, Row.class);
  }

  @SuppressWarnings("unchecked")
  default <T> List<T> getList(String column) {
    return Rows.nullable(this, column, List.class);
  }

  @SuppressWarnings("unchecked")
  default <K, V> Map<K, V> getMap(String column) {
    return Rows.nullable(this, column, Map.class);
  }

  default BigDecimal getDecimal(int index) {
    return Rows.nullable(this, index, BigDecimal.class);
  }

  default String getString(int index) {
    return Rows.nullable(this, index, String.class);
  }

  /** The binary value, a copy the caller may change. */
  default byte[] getBinary(int index) {
    return Rows.nullable(this, index, byte[].class);
  }

  default LocalDate getDate(int index) {
    return Rows.nullable(this, index, LocalDate.class);
  }

  default Instant getTimestamp(int index) {
    return Rows.nullable(this, index, Instant.class);
  }

  default LocalDateTime getTimestampNtz(int index) {
    return Rows.nullable(this, index, LocalDateTime.class);
  }

  default Row getStruct(int index) {
    return Rows.nullable(this, index, Row.class);
  }

  @SuppressWarnings("unchecked")
  default <T> List<T> getList(int index) {
    return Rows.nullable(this, index, List.class);
  }

  @SuppressWarnings("unchecked")
  default <K, V> Map<K, V> getMap(int index) {
    return Rows.nullable(this, index, Map.class);
  }

  /** The row as an insertion-ordered map of column name to Java value. */
  default Map<String, Object> toMap() {
    return Rows.toMap(this);
  }

  /** Sets values by column name, checking each against the column type. */
  interface Builder {
    /** Sets a column; {@code null} is allowed for nullable columns. Returns this builder. */
    Builder set(String column, Object value);

    /** A new row from the values set so far; the builder can keep being used. */
    Row build();
  }
}
