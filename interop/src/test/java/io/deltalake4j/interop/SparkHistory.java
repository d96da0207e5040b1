package io.deltalake4j.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/** What Spark's DESCRIBE HISTORY and DESCRIBE DETAIL say of a path-based Delta table. */
final class SparkHistory {
  /** The limit of {@link #commits} that means every commit. */
  static final int ALL = -1;

  private SparkHistory() {}

  /**
   * The newest {@code limit} commits ({@link #ALL} for all), newest first, each as {@code [version, timestamp, operation,
   * operationParameters, readVersion, isBlindAppend, operationMetrics, engineInfo, userMetadata]}.
   */
  static List<List<Object>> commits(SparkSession spark, String path, int limit) {
    List<List<Object>> out = new ArrayList<>();
    String sql = "DESCRIBE HISTORY " + SparkTables.table(path) + (limit == ALL ? "" : " LIMIT " + limit);
    for (Row r : spark.sql(sql).collectAsList()) {
      out.add(Arrays.asList(
          r.getLong(r.fieldIndex("version")),
          r.<Instant>getAs("timestamp"),
          r.getString(r.fieldIndex("operation")),
          javaMap(r, "operationParameters"),
          r.isNullAt(r.fieldIndex("readVersion")) ? null : r.getLong(r.fieldIndex("readVersion")),
          r.isNullAt(r.fieldIndex("isBlindAppend")) ? null : r.getBoolean(r.fieldIndex("isBlindAppend")),
          javaMap(r, "operationMetrics"),
          r.getString(r.fieldIndex("engineInfo")),
          r.getString(r.fieldIndex("userMetadata"))));
    }
    return out;
  }

  /** Commit timestamps by version, oldest first. */
  static List<Instant> timestamps(SparkSession spark, String path) {
    List<List<Object>> commits = commits(spark, path, ALL);
    List<Instant> out = new ArrayList<>();
    for (int i = commits.size() - 1; i >= 0; i--) {
      out.add((Instant) commits.get(i).get(1));
    }
    return out;
  }

  /** The single row of DESCRIBE DETAIL. */
  static Row detail(SparkSession spark, String path) {
    return spark.sql("DESCRIBE DETAIL " + SparkTables.table(path)).first();
  }

  /** A string map column; entries with a null value are left out, as deltalake4j leaves them out. */
  static Map<String, String> javaMap(Row r, String field) {
    int i = r.fieldIndex(field);
    Map<String, String> out = new HashMap<>();
    if (!r.isNullAt(i)) {
      CollectionConverters.asJava(r.<scala.collection.Map<String, String>>getAs(i)).forEach((k, v) -> {
        if (v != null) {
          out.put(k, v);
        }
      });
    }
    return Map.copyOf(out);
  }
}
