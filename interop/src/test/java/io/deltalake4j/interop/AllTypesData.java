package io.deltalake4j.interop;

import static io.deltalake4j.interop.CanonicalRows.array;
import static io.deltalake4j.interop.CanonicalRows.map;
import static io.deltalake4j.interop.CanonicalRows.row;
import static io.deltalake4j.interop.CanonicalRows.struct;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The "all types" table: every Delta primitive type, nested struct/array/map, extreme and special
 * values (NaN, infinities, min/max, year 1 and 9999, unicode, empty strings and binaries) and nulls at
 * every level, partitioned by a string column that has a null and a value needing path escaping.
 *
 * <p>The rows are defined once in canonical form ({@link #ROWS}); {@link #sparkRows()} derives what
 * Spark is given, so the table read back must equal {@link #ROWS}.
 */
public final class AllTypesData {
  /** The table schema in Spark DDL. */
  public static final String DDL =
      String.join(
          ", ",
          "id INT",
          "c_boolean BOOLEAN",
          "c_byte TINYINT",
          "c_short SMALLINT",
          "c_int INT",
          "c_long BIGINT",
          "c_float FLOAT",
          "c_double DOUBLE",
          "c_decimal38 DECIMAL(38,18)",
          "c_decimal5 DECIMAL(5,2)",
          "c_string STRING",
          "c_binary BINARY",
          "c_date DATE",
          "c_timestamp TIMESTAMP",
          "c_timestamp_ntz TIMESTAMP_NTZ",
          "c_struct STRUCT<i: INT, s: STRING, inner: STRUCT<d: DOUBLE, arr: ARRAY<INT>>>",
          "c_array_int ARRAY<INT>",
          "c_array_struct ARRAY<STRUCT<name: STRING, n: BIGINT>>",
          "c_array_array ARRAY<ARRAY<STRING>>",
          "c_map_string MAP<STRING, INT>",
          "c_map_int MAP<INT, STRING>",
          "c_map_struct MAP<STRING, STRUCT<x: INT, y: STRING>>",
          "part STRING");

  public static final StructType SCHEMA = StructType.fromDDL(DDL);
  public static final String PARTITION_COLUMN = "part";

  /** The partition value that needs escaping in paths (space, slash, equals, percent). */
  public static final String AWKWARD_PARTITION = "with space/slash=eq%";

  /** The rows, canonical, sorted by id. */
  public static final List<List<Object>> ROWS =
      List.of(
          row(
              1,
              true,
              (byte) 1,
              (short) 1,
              1,
              1L,
              1.5f,
              2.25d,
              new BigDecimal("1.000000000000000001"),
              new BigDecimal("123.45"),
              "hello",
              Binary.of(0x01, 0x02, 0x03),
              LocalDate.of(2024, 2, 29),
              Instant.parse("2024-02-29T12:34:56.123456Z"),
              LocalDateTime.parse("2024-02-29T12:34:56.123456"),
              struct("i", 1, "s", "one", "inner", struct("d", 0.5d, "arr", array(1, 2))),
              array(1, 2, 3),
              array(struct("name", "a", "n", 1L), struct("name", "b", "n", 2L)),
              array(array("x", "y"), array("z")),
              map("a", 1, "b", 2),
              map(1, "one", 2, "two"),
              map("k", struct("x", 1, "y", "y")),
              "alpha"),
          row(
              2,
              false,
              Byte.MIN_VALUE,
              Short.MIN_VALUE,
              Integer.MIN_VALUE,
              Long.MIN_VALUE,
              Float.NaN,
              Double.NEGATIVE_INFINITY,
              new BigDecimal("-99999999999999999999.999999999999999999"),
              new BigDecimal("-999.99"),
              "",
              Binary.of(),
              LocalDate.of(1, 1, 1),
              Instant.parse("1900-01-01T00:00:00Z"),
              LocalDateTime.parse("0001-01-01T00:00:00"),
              struct("i", 0, "s", "", "inner", struct("d", Double.MIN_VALUE, "arr", array())),
              array(),
              array(),
              array(array()),
              map(),
              map(),
              map(),
              "alpha"),
          row(
              3,
              true,
              Byte.MAX_VALUE,
              Short.MAX_VALUE,
              Integer.MAX_VALUE,
              Long.MAX_VALUE,
              Float.POSITIVE_INFINITY,
              Double.NaN,
              new BigDecimal("99999999999999999999.999999999999999999"),
              new BigDecimal("999.99"),
              "日本語 😀 héllo wörld",
              Binary.of(0x00, 0xFF, 0x7F, 0x80),
              LocalDate.of(9999, 12, 31),
              Instant.parse("9999-12-31T23:59:59.999999Z"),
              LocalDateTime.parse("9999-12-31T23:59:59.999999"),
              struct(
                  "i", -1, "s", "ü", "inner",
                  struct("d", Double.MAX_VALUE, "arr", array(Integer.MIN_VALUE, Integer.MAX_VALUE))),
              array(-1),
              array(struct("name", "😀", "n", Long.MAX_VALUE)),
              array(array("a"), array(), array("b", "c")),
              map("", 0, "ключ", -1),
              map(-1, "minus one", 0, ""),
              map("z", struct("x", -1, "y", "")),
              AWKWARD_PARTITION),
          // Every column null, including the partition column.
          row(
              4, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
              null, null, null, null, null, null, null, null),
          // Nulls inside nested values; values just around the epoch.
          row(
              5,
              null,
              (byte) 0,
              (short) 0,
              0,
              0L,
              0.0f,
              0.0d,
              new BigDecimal("0E-18"),
              new BigDecimal("0.01"),
              " ",
              Binary.of(0x00),
              LocalDate.of(1969, 12, 31),
              Instant.parse("1969-12-31T23:59:59.999999Z"),
              LocalDateTime.parse("1969-12-31T23:59:59.999999"),
              struct("i", null, "s", null, "inner", null),
              array(1, null, 3),
              array(null, struct("name", null, "n", 7L)),
              array(null, array("x", null)),
              map("a", null, "b", 2),
              map(1, null, -1, "neg"),
              map("n", null, "m", struct("x", null, "y", null)),
              "beta"),
          // A struct whose nested struct has only null fields; the rest null.
          row(
              6, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
              struct("i", 6, "s", "six", "inner", struct("d", null, "arr", null)),
              null, null, null, null, null, null,
              "beta"),
          // Negative zeros, which SQL holds equal to zero; the rest null.
          row(
              7, null, null, null, null, null, -0.0f, -0.0d, null, null, null, null, null, null, null,
              null, null, null, null, null, null, null,
              "gamma"),
          // A float that no decimal literal equals (0.1f is 0.100000001490116...); the rest null.
          row(
              8, null, null, null, null, null, 0.1f, 0.1d, null, null, null, null, null, null, null,
              null, null, null, null, null, null, null,
              "gamma"));

  private AllTypesData() {}

  /** {@link #ROWS} as the external values Spark's {@code createDataFrame} takes. */
  public static List<Row> sparkRows() {
    List<Row> rows = new ArrayList<>(ROWS.size());
    for (List<Object> row : ROWS) {
      rows.add(toSparkRow(row, SCHEMA));
    }

    return rows;
  }

  private static Row toSparkRow(List<Object> values, StructType type) {
    StructField[] fields = type.fields();
    Object[] external = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      external[i] = toSpark(values.get(i), fields[i].dataType());
    }

    return RowFactory.create(external);
  }

  private static Object toSpark(Object value, DataType type) {
    if (value == null) {
      return null;
    }

    if (type instanceof StructType struct) {
      return toSparkRow(new ArrayList<>(((Map<?, ?>) value).values()), struct);
    }

    if (type instanceof ArrayType array) {
      List<Object> elements = new ArrayList<>();
      for (Object element : (List<?>) value) {
        elements.add(toSpark(element, array.elementType()));
      }

      return elements;
    }

    if (type instanceof MapType mapType) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        entries.put(toSpark(e.getKey(), mapType.keyType()), toSpark(e.getValue(), mapType.valueType()));
      }

      return entries;
    }

    if (value instanceof Binary binary) {
      return binary.toByteArray();
    }

    return value;
  }
}
