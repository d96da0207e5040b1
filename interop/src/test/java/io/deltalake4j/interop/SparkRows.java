package io.deltalake4j.interop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Converts Spark query results into {@link CanonicalRows canonical rows}, the form interop tests
 * compare with deltalake4j's rows.
 *
 * <p>Requires {@code spark.sql.datetime.java8API.enabled=true} (set by {@link SparkFixture}), so that
 * Spark returns {@code LocalDate} and {@code Instant} rather than {@code java.sql.Date}/{@code Timestamp},
 * whose conversion would depend on the JVM time zone.
 */
public final class SparkRows {
  private SparkRows() {}

  /** Collects {@code df} to the driver as canonical rows, in Spark's result order. */
  public static List<List<Object>> collect(Dataset<Row> df) {
    StructType schema = df.schema();
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : df.collectAsList()) {
      rows.add(canonicalRow(row, schema));
    }

    return Collections.unmodifiableList(rows);
  }

  /** Collects {@code df} as canonical rows sorted in {@link CanonicalRows#ROW_ORDER}. */
  public static List<List<Object>> collectSorted(Dataset<Row> df) {
    return CanonicalRows.sorted(collect(df));
  }

  /** A sorted copy of {@code rows}; see {@link CanonicalRows#sorted}. */
  public static List<List<Object>> sorted(List<List<Object>> rows) {
    return CanonicalRows.sorted(rows);
  }

  /** The top-level column names of {@code df}, in order. */
  public static List<String> columnNames(Dataset<Row> df) {
    return List.of(df.schema().fieldNames());
  }

  /** One Spark row of the given schema as a canonical row. */
  public static List<Object> canonicalRow(Row row, StructType schema) {
    StructField[] fields = schema.fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = canonicalValue(row.get(i), fields[i].dataType());
    }

    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /**
   * One Spark external value of Spark type {@code type} in canonical form.
   *
   * @throws IllegalArgumentException for types outside Delta's primitive and nested types (variant,
   *     intervals, ...) and for legacy {@code java.sql} date/time values
   */
  public static Object canonicalValue(Object value, DataType type) {
    if (value == null) {
      return null;
    }

    if (type instanceof StructType struct) {
      return canonicalStruct((Row) value, struct);
    }

    if (type instanceof ArrayType array) {
      return canonicalArray(value, array);
    }

    if (type instanceof MapType map) {
      return canonicalMap(value, map);
    }

    if (type instanceof DecimalType decimal) {
      // Exact: Spark's decimals already carry the column scale; setScale throws rather than round.
      return ((BigDecimal) value).setScale(decimal.scale());
    }

    if (type instanceof BinaryType) {
      return Binary.of((byte[]) value);
    }

    if (type instanceof DateType) {
      return requireType(value, LocalDate.class, type);
    }

    if (type instanceof TimestampType) {
      return requireType(value, Instant.class, type);
    }

    if (type instanceof TimestampNTZType) {
      return requireType(value, LocalDateTime.class, type);
    }

    if (type instanceof BooleanType
        || type instanceof ByteType
        || type instanceof ShortType
        || type instanceof IntegerType
        || type instanceof LongType
        || type instanceof FloatType
        || type instanceof DoubleType
        || type instanceof StringType) {
      return value;
    }

    throw new IllegalArgumentException("Unsupported Spark type for canonical rows: " + type.sql());
  }

  private static Map<String, Object> canonicalStruct(Row row, StructType type) {
    StructField[] fields = type.fields();
    Map<String, Object> struct = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i++) {
      struct.put(fields[i].name(), canonicalValue(row.get(i), fields[i].dataType()));
    }

    return Collections.unmodifiableMap(struct);
  }

  private static List<Object> canonicalArray(Object value, ArrayType type) {
    List<Object> elements = new ArrayList<>();
    for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
      elements.add(canonicalValue(element, type.elementType()));
    }

    return Collections.unmodifiableList(elements);
  }

  private static Map<Object, Object> canonicalMap(Object value, MapType type) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry :
        CollectionConverters.asJava((scala.collection.Map<?, ?>) value).entrySet()) {
      map.put(
          canonicalValue(entry.getKey(), type.keyType()),
          canonicalValue(entry.getValue(), type.valueType()));
    }

    return Collections.unmodifiableMap(map);
  }

  private static Object requireType(Object value, Class<?> expected, DataType type) {
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "Invalid Spark value for "
              + type.sql()
              + ": "
              + value.getClass().getName()
              + ". Set spark.sql.datetime.java8API.enabled=true to get "
              + expected.getSimpleName());
    }

    return value;
  }
}
