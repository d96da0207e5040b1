package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowRows;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.testing.LocalLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variant columns Spark writes, unshredded and shredded (delta.enableVariantShredding, with the
 * shredding schema Spark infers and with one forced on it), read as the JSON text Spark's to_json
 * gives, row by row, as rows and into Arrow.
 */
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

  @Test
  void shreddedVariantValuesReadAsSparksToJson(@TempDir Path dir, SparkSession spark, DeltaLake lake) throws Exception {
    String path = dir.resolve("shredded").toUri().toString();
    String table = "delta.`" + path + "`";
    spark.sql("CREATE TABLE " + table + " (id INT, v VARIANT, s STRUCT<w: VARIANT>) USING delta "
        + "TBLPROPERTIES ('delta.enableVariantShredding' = 'true')");
    try {
      spark.conf().set("spark.sql.variant.writeShredding.enabled", "true");
      spark.conf().set("spark.sql.variant.inferShreddingSchema", "true");
      // Spark infers the shredding schema from the rows it writes.
      spark.sql("INSERT INTO " + table + " VALUES "
          + "(1, parse_json('{\"a\": 1, \"b\": \"x\", \"c\": [1, 2], \"o\": {\"p\": 1.5}}'), "
          + "named_struct('w', parse_json('{\"k\": 1}'))), "
          + "(2, parse_json('{\"a\": 2, \"b\": \"y\", \"d\": 2.25}'), named_struct('w', parse_json('{\"k\": 2}'))), "
          + "(3, parse_json('{\"a\": 3, \"b\": null, \"extra\": [true]}'), NULL)");
      spark.conf().set("spark.sql.variant.forceShreddingSchemaForTest",
          "a int, b string, c array<int>, o struct<x string, y decimal(10, 2)>, f double, bl boolean, "
              + "t timestamp, d date, ntz timestamp_ntz, bin binary");
      spark.sql("INSERT INTO " + table + " VALUES "
          + "(11, parse_json('{\"a\": 1, \"b\": \"x\", \"c\": [1, 2], \"o\": {\"x\": \"in\", \"y\": 1.25}, "
          + "\"f\": 2.5, \"bl\": true}'), named_struct('w', parse_json('{\"a\": 7, \"zz\": 1}'))), "
          + "(12, parse_json('{\"a\": \"not an int\", \"b\": null, \"c\": [1, \"q\", null], "
          + "\"o\": {\"x\": 5, \"z\": [true]}, \"extra\": {\"k\": \"v\"}}'), NULL), "
          + "(13, parse_json('\"a top-level string\"'), named_struct('w', parse_json('[1, 2]'))), "
          + "(14, parse_json('[1, 2, 3]'), named_struct('w', NULL)), "
          + "(15, parse_json('{}'), NULL), "
          + "(16, parse_json('null'), NULL), "
          + "(17, NULL, NULL), "
          + "(18, to_variant_object(named_struct('t', TIMESTAMP '2024-09-09 10:30:00.123456', 'd', DATE '2024-09-09', "
          + "'ntz', TIMESTAMP_NTZ '2024-09-09 10:30:00.5', 'bin', X'00FF10', 'a', 2147483647, "
          + "'y', CAST(1.5 AS DECIMAL(10, 2)), 'o', named_struct('y', CAST(-0.01 AS DECIMAL(10, 2))))), NULL), "
          + "(19, parse_json('{\"a\": 12345678901, \"o\": \"not an object\", \"c\": \"not an array\"}'), NULL), "
          + "(20, parse_json('{\"o\": {\"y\": 123.456}, \"f\": 1, \"bl\": \"yes\"}'), NULL)");
    } finally {
      spark.conf().unset("spark.sql.variant.forceShreddingSchemaForTest");
      spark.conf().unset("spark.sql.variant.inferShreddingSchema");
      spark.conf().unset("spark.sql.variant.writeShredding.enabled");
    }

    assertThat(shreddedFiles(dir.resolve("shredded"))).as("data files with a typed_value column").isPositive();
    Map<Integer, List<String>> expected = new TreeMap<>();
    for (org.apache.spark.sql.Row r : spark.sql("SELECT id, to_json(v), to_json(s.w) FROM " + table).collectAsList()) {
      expected.put(r.getInt(0), Arrays.asList(r.isNullAt(1) ? null : r.getString(1), r.isNullAt(2) ? null : r.getString(2)));
    }
    Scan scan = lake.table(path).scan();

    assertThat(expected).hasSize(13);
    assertThat(byId(scan.toList())).isEqualTo(expected);
    for (ArrowScan arrow : List.of(ArrowScan.of(scan), ArrowScan.of(scan).withKernelDecoder())) {
      try (BufferAllocator allocator = new RootAllocator(); ArrowReader reader = arrow.open(allocator)) {
        assertThat(byId(ArrowRows.readAll(reader, scan.schema()))).isEqualTo(expected);
      }
    }
  }

  private static Map<Integer, List<String>> byId(List<Row> rows) {
    Map<Integer, List<String>> out = new TreeMap<>();
    for (Row r : rows) {
      Row s = (Row) r.get("s");
      out.put((Integer) r.get("id"), Arrays.asList((String) r.get("v"), s == null ? null : (String) s.get("w")));
    }
    return out;
  }

  /** The number of Parquet files under {@code table} whose footer has a typed_value column. */
  private static long shreddedFiles(Path table) throws Exception {
    long n = 0;
    try (var files = Files.walk(table)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".parquet"))::iterator) {
        var input = org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
            new org.apache.hadoop.fs.Path(p.toUri()), new org.apache.hadoop.conf.Configuration());
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(input)) {
          if (reader.getFooter().getFileMetaData().getSchema().toString().contains("typed_value")) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
