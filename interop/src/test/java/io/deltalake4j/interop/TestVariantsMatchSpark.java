package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.testing.LocalLake;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Variant columns Spark writes (unshredded) read as the JSON text Spark's to_json gives, row by row. */
@ExtendWith({SparkFixture.class, LocalLake.class})
class TestVariantsMatchSpark {

  @Test
  void variantValuesReadAsSparksToJson(@TempDir Path dir, SparkSession spark, DeltaLake lake) {
    String path = dir.resolve("variants").toUri().toString();
    String table = "delta.`" + path + "`";
    spark.sql("CREATE TABLE " + table + " (id INT, v VARIANT) USING delta");
    spark.sql("INSERT INTO " + table + " VALUES "
        + "(1, parse_json('{\"name\": \"a \\\\\"quoted\\\\\" name\", \"n\": 42, \"big\": 12345678901234567890, "
        + "\"dec\": 1.50, \"neg\": -0.001, \"dbl\": 1.5e300, \"ok\": true, \"none\": null, "
        + "\"nested\": {\"z\": [1, [2, {\"k\": \"v\"}], null], \"a\": {}}, \"list\": []}')), "
        + "(2, parse_json('[1, \"two\", 3.25, false, null, {\"x\": \"héllo ✓\"}]')), "
        + "(3, CAST(DATE '2024-09-09' AS VARIANT)), "
        + "(4, CAST(TIMESTAMP '2024-09-09 10:30:00.123456' AS VARIANT)), "
        + "(5, CAST(TIMESTAMP_NTZ '2024-09-09 10:30:00.5' AS VARIANT)), "
        + "(6, CAST(CAST(123.4500 AS DECIMAL(20, 4)) AS VARIANT)), "
        + "(7, CAST(X'00FF10' AS VARIANT)), "
        + "(8, CAST(CAST(0.1 AS FLOAT) AS VARIANT)), "
        + "(9, parse_json('null')), "
        + "(10, NULL), "
        + "(11, parse_json('\"a string longer than sixty-three bytes, so it takes the long string form\"'))");

    Map<Integer, String> expected = new TreeMap<>();
    for (org.apache.spark.sql.Row r : spark.sql("SELECT id, to_json(v) FROM " + table).collectAsList()) {
      expected.put(r.getInt(0), r.isNullAt(1) ? null : r.getString(1));
    }
    Map<Integer, String> actual = new TreeMap<>();
    for (Row r : lake.table(path).scan().toList()) {
      actual.put((Integer) r.get("id"), (String) r.get("v"));
    }

    assertThat(expected).hasSize(11);
    assertThat(actual).isEqualTo(expected);
  }
}
