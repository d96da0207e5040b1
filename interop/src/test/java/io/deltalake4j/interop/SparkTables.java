package io.deltalake4j.interop;

import io.deltalake4j.sample.SalesData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reference Delta tables written by Spark + delta-spark, for deltalake4j to read.
 *
 * <p>Each method writes its table under {@code base} (a directory URI such as {@code file:/tmp/x} or
 * {@code hdfs://localhost:8020/lake}, no trailing slash needed) and returns the table's path, {@code
 * base + "/" + name}. A table is written once per test JVM: later calls with the same {@code base}
 * return the cached path, so {@code base} must outlive the run, e.g. {@link
 * SparkFixture#localTablesBase()}. Each builder checks the shape it promises (deletion vectors present,
 * v2 checkpoint written, ...) and fails with {@link IllegalStateException} if Spark did otherwise. The
 * content of every table is in {@link ExpectedRows}.
 *
 * <p>Needs {@link SparkFixture}. Not thread-safe across test classes running in parallel (they do not).
 */
public final class SparkTables {
  private static final Set<String> BUILT = new HashSet<>();

  private SparkTables() {}

  /**
   * The sales table with {@code rows} rows (core's {@link SalesData}, the generator the demo and the
   * benchmarks use), partitioned by region, year and month, in one commit. Name: {@code sales-<rows>}.
   */
  public static String sales(String base, int rows) {
    return build(
        base,
        "sales-" + rows,
        path -> {
          salesFrame(spark(), SalesData.rows(rows))
              .write()
              .format("delta")
              .partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new))
              .save(path);
        });
  }

  /** Sales rows (core's {@link SalesData} schema) as a Spark data frame of the same schema. */
  public static Dataset<Row> salesFrame(SparkSession spark, Iterable<io.deltalake4j.Row> sales) {
    StructType schema =
        StructType.fromDDL(
            "transaction_id BIGINT, product STRING, quantity INT, price DECIMAL(10,2), "
                + "region STRING, sale_date DATE, year INT, month INT");
    List<Row> sparkRows = new ArrayList<>();
    for (io.deltalake4j.Row sale : sales) {
      sparkRows.add(RowFactory.create(LibraryRows.libraryValues(LibraryRows.canonicalRow(sale), SalesData.SCHEMA)));
    }

    return spark.createDataFrame(sparkRows, schema);
  }

  /**
   * {@code (id bigint, category string, amount double)} with deletion vectors enabled: 300 rows in 3
   * files, then two DELETEs that leave deletion vectors (the second replaces the first's). Name:
   * {@code deletion-vectors}.
   */
  public static String deletionVectors(String base) {
    return build(
        base,
        "deletion-vectors",
        path -> {
          sql(
              "CREATE TABLE %s (id BIGINT, category STRING, amount DOUBLE) USING delta "
                  + "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')",
              table(path));
          spark()
              .range(0, ExpectedRows.DELETION_VECTORS_INITIAL_ROWS, 1, ExpectedRows.DELETION_VECTORS_FILES)
              .selectExpr("id", "concat('c', id % 3) AS category", "id * 1.5D AS amount")
              .write()
              .format("delta")
              .mode("append")
              .save(path);
          sql("DELETE FROM %s WHERE id %% 10 = 3", table(path));
          sql("DELETE FROM %s WHERE id %% 7 = 0", table(path));
          check(
              !DeltaLogFiles.of(path).addsWithDeletionVectors().isEmpty(),
              "no add action with a deletionVector in " + path);
        });
  }

  /**
   * A table in column mapping mode {@code name}, partitioned, with rows before and after renaming a
   * data and the partition column, adding two columns (one with a space in its name) and dropping one.
   * Name: {@code column-mapping-name}.
   */
  public static String columnMappingName(String base) {
    return build(
        base,
        "column-mapping-name",
        path -> {
          String t = table(path);
          sql(
              "CREATE TABLE %s (id INT, first_name STRING, score DOUBLE, legacy STRING, dept STRING) "
                  + "USING delta PARTITIONED BY (dept) "
                  + "TBLPROPERTIES ('delta.columnMapping.mode' = 'name')",
              t);
          sql(
              "INSERT INTO %s VALUES (1, 'alice', 1.5, 'old-1', 'eng'), (2, 'bob', 2.5, 'old-2', 'eng'), "
                  + "(3, 'carol', NULL, 'old-3', 'ops')",
              t);
          sql("ALTER TABLE %s RENAME COLUMN first_name TO given_name", t);
          sql("ALTER TABLE %s RENAME COLUMN dept TO department", t);
          sql("ALTER TABLE %s ADD COLUMNS (`home city` STRING, tags ARRAY<STRING>)", t);
          sql("ALTER TABLE %s DROP COLUMN legacy", t);
          sql(
              "INSERT INTO %s (id, given_name, score, department, `home city`, tags) VALUES "
                  + "(4, 'dave', 4.5, 'eng', 'Zürich', array('a', 'b')), "
                  + "(5, 'eve', NULL, 'sales', NULL, array())",
              t);
          check(
              "name".equals(DeltaLogFiles.of(path).latestConfiguration().path("delta.columnMapping.mode").asText()),
              "column mapping mode is not 'name' in " + path);
        });
  }

  /**
   * {@code (id bigint, label string)}: an empty create, then {@code commits} single-row INSERT commits
   * (versions 1..commits), so the default interval writes classic checkpoints every 10 versions. Name:
   * {@code many-small-commits-<commits>}.
   */
  public static String manySmallCommits(String base, int commits) {
    return build(
        base,
        "many-small-commits-" + commits,
        path -> {
          String t = table(path);
          sql("CREATE TABLE %s (id BIGINT, label STRING) USING delta", t);
          for (int id = 1; id <= commits; id++) {
            sql("INSERT INTO %s VALUES (%d, 'row-%d')", t, id, id);
          }

          DeltaLogFiles log = DeltaLogFiles.of(path);
          check(log.commitCount() == commits + 1, "expected " + (commits + 1) + " commits in " + path);
          check(
              commits < 10 || !log.fileNames(DeltaLogFiles.CLASSIC_CHECKPOINT).isEmpty(),
              "no classic checkpoint in " + path);
        });
  }

  /**
   * {@code (id bigint, label string)} with {@code delta.checkpointPolicy = 'v2'} and a checkpoint
   * interval of 5: an empty create, then 7 commits of 3 rows, so there is a v2 checkpoint at version 5
   * followed by JSON commits 6 and 7. Name: {@code v2-checkpoint}.
   */
  public static String v2Checkpoint(String base) {
    return build(
        base,
        "v2-checkpoint",
        path -> {
          String t = table(path);
          sql(
              "CREATE TABLE %s (id BIGINT, label STRING) USING delta TBLPROPERTIES "
                  + "('delta.checkpointPolicy' = 'v2', 'delta.checkpointInterval' = '%d')",
              t, ExpectedRows.V2_CHECKPOINT_INTERVAL);
          int perCommit = ExpectedRows.V2_CHECKPOINT_ROWS_PER_COMMIT;
          for (int commit = 0; commit < ExpectedRows.V2_CHECKPOINT_COMMITS; commit++) {
            long first = commit * (long) perCommit + 1;
            sql(
                "INSERT INTO %s SELECT id, concat('row-', id) FROM range(%d, %d)",
                t, first, first + perCommit);
          }

          check(
              !DeltaLogFiles.of(path).fileNames(DeltaLogFiles.V2_CHECKPOINT).isEmpty(),
              "no v2 checkpoint file in " + path + "/_delta_log");
        });
  }

  /** See {@link AllTypesData}; partitioned by {@code part}, one commit. Name: {@code all-types}. */
  public static String allTypes(String base) {
    return build(
        base,
        "all-types",
        path ->
            spark()
                .createDataFrame(AllTypesData.sparkRows(), AllTypesData.SCHEMA)
                .write()
                .format("delta")
                .partitionBy(AllTypesData.PARTITION_COLUMN)
                .save(path));
  }

  /**
   * {@code (id int, name string, value bigint, flag boolean)} after an UPDATE and a MERGE (see {@link
   * ExpectedRows#updatedAndMerged()}), with deletion vectors off: both rewrite files and leave
   * {@code remove} actions. Name: {@code updated-and-merged}.
   */
  public static String updatedAndMerged(String base) {
    return build(
        base,
        "updated-and-merged",
        path -> {
          updateAndMerge(path, false);
          DeltaLogFiles log = DeltaLogFiles.of(path);
          check(log.removeCount() > 0, "no remove action in " + path);
          check(log.addsWithDeletionVectors().isEmpty(), "unexpected deletion vectors in " + path);
        });
  }

  /**
   * As {@link #updatedAndMerged}, with deletion vectors on, so UPDATE and MERGE mark rows deleted
   * instead of rewriting files. Name: {@code updated-and-merged-dv}.
   */
  public static String updatedAndMergedWithDeletionVectors(String base) {
    return build(
        base,
        "updated-and-merged-dv",
        path -> {
          updateAndMerge(path, true);
          check(
              !DeltaLogFiles.of(path).addsWithDeletionVectors().isEmpty(),
              "no add action with a deletionVector in " + path);
        });
  }

  /** Forgets every cached table (called when the Spark fixture stops and deletes them). */
  static synchronized void forgetAll() {
    BUILT.clear();
  }

  private static void updateAndMerge(String path, boolean deletionVectors) {
    String t = table(path);
    sql(
        "CREATE TABLE %s (id INT, name STRING, value BIGINT, flag BOOLEAN) USING delta "
            + "TBLPROPERTIES ('delta.enableDeletionVectors' = '%s')",
        t, deletionVectors);
    sql(
        "INSERT INTO %s SELECT CAST(id AS INT), concat('name-', id), id * 10, false "
            + "FROM range(0, 100, 1, 4)",
        t);
    sql("UPDATE %s SET value = value + 1000, flag = true WHERE id %% 10 = 0", t);
    sql(
        "MERGE INTO %s t USING (SELECT CAST(id AS INT) AS id, concat('merged-', id) AS name, "
            + "id * 100 AS value FROM range(90, 110)) s ON t.id = s.id "
            + "WHEN MATCHED AND s.id %% 2 = 1 THEN DELETE "
            + "WHEN MATCHED THEN UPDATE SET t.name = s.name, t.value = s.value "
            + "WHEN NOT MATCHED THEN INSERT (id, name, value, flag) VALUES (s.id, s.name, s.value, false)",
        t);
  }

  private static synchronized String build(String base, String name, Consumer<String> writer) {
    String path = base.replaceAll("/+$", "") + "/" + name;
    if (BUILT.contains(path)) {
      return path;
    }

    long start = System.nanoTime();
    writer.accept(path);
    Timings.record("fixture " + name, Duration.ofNanos(System.nanoTime() - start));
    BUILT.add(path);
    return path;
  }

  private static SparkSession spark() {
    return SparkFixture.session();
  }

  private static Dataset<Row> sql(String format, Object... args) {
    return spark().sql(String.format(format, args));
  }

  /** The SQL identifier of the path-based Delta table at {@code path}. */
  static String table(String path) {
    if (path.contains("`")) {
      throw new IllegalArgumentException("Invalid table path for SQL: " + path);
    }

    return "delta.`" + path + "`";
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException("Spark fixture has the wrong shape: " + problem);
    }
  }
}
