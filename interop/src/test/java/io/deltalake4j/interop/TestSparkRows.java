package io.deltalake4j.interop;

import static io.deltalake4j.interop.CanonicalRows.array;
import static io.deltalake4j.interop.CanonicalRows.map;
import static io.deltalake4j.interop.CanonicalRows.row;
import static io.deltalake4j.interop.CanonicalRows.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spark results become canonical rows with java.time values, Binary, Map structs and scales kept. */
@ExtendWith(SparkFixture.class)
class TestSparkRows {

  @Test
  void convertsEveryPrimitiveType(SparkSession spark) {
    List<List<Object>> rows =
        SparkRows.collect(
            spark.sql(
                "SELECT true, CAST(-1 AS TINYINT), CAST(2 AS SMALLINT), 3, 4L, CAST('NaN' AS FLOAT), "
                    + "CAST('-Infinity' AS DOUBLE), CAST(1.5 AS DECIMAL(10, 3)), 'ü😀', X'00FF', "
                    + "DATE'0001-01-01', TIMESTAMP'1969-12-31 23:59:59.999999', "
                    + "TIMESTAMP_NTZ'2024-02-29 01:02:03.000004'"));

    assertThat(rows)
        .containsExactly(
            row(
                true, (byte) -1, (short) 2, 3, 4L, Float.NaN, Double.NEGATIVE_INFINITY,
                new BigDecimal("1.500"), "ü😀", Binary.of(0x00, 0xFF), LocalDate.of(1, 1, 1),
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                LocalDateTime.parse("2024-02-29T01:02:03.000004")));
  }

  @Test
  void convertsNestedValuesWithNullsAtEveryLevel(SparkSession spark) {
    List<List<Object>> rows =
        SparkRows.collect(
            spark.sql(
                "SELECT named_struct('a', 1, 'b', CAST(NULL AS STRING), 'c', named_struct('d', X'01')), "
                    + "array(1, NULL), map('k', CAST(NULL AS INT)), map(1, array(X'02')), "
                    + "CAST(NULL AS STRUCT<a: INT>), CAST(NULL AS ARRAY<INT>), CAST(NULL AS MAP<INT, INT>)"));

    assertThat(rows)
        .containsExactly(
            row(
                struct("a", 1, "b", null, "c", struct("d", Binary.of(0x01))),
                array(1, null),
                map("k", null),
                map(1, array(Binary.of(0x02))),
                null,
                null,
                null));
  }

  @Test
  void keepsStructFieldOrder(SparkSession spark) {
    Object struct = SparkRows.collect(spark.sql("SELECT named_struct('z', 1, 'a', 2)")).get(0).get(0);

    assertThat(struct).isInstanceOf(Map.class);
    assertThat(List.copyOf(((Map<?, ?>) struct).keySet())).isEqualTo(List.of("z", "a"));
  }

  @Test
  void keepsDecimalScaleOfTheColumn(SparkSession spark) {
    Object value = SparkRows.collect(spark.sql("SELECT CAST(2 AS DECIMAL(38, 18))")).get(0).get(0);

    assertThat(value).isEqualTo(new BigDecimal("2.000000000000000000"));
  }

  @Test
  void rejectsLegacyDateValues() {
    assertThatThrownBy(() -> SparkRows.canonicalValue(java.sql.Date.valueOf("2024-01-01"), DataTypes.DateType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid Spark value for DATE: java.sql.Date. "
                + "Set spark.sql.datetime.java8API.enabled=true to get LocalDate");
  }

  @Test
  void rejectsTypesOutsideDelta() {
    assertThatThrownBy(() -> SparkRows.canonicalValue(1, DataTypes.CalendarIntervalType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unsupported Spark type for canonical rows: INTERVAL");
  }

  @Test
  void collectSortedOrdersRowsWithNullsFirst(SparkSession spark) {
    List<List<Object>> rows =
        SparkRows.collectSorted(spark.sql("SELECT * FROM VALUES (2, 'b'), (NULL, 'z'), (1, 'c'), (1, 'a')"));

    assertThat(rows).containsExactly(row(null, "z"), row(1, "a"), row(1, "c"), row(2, "b"));
  }
}
