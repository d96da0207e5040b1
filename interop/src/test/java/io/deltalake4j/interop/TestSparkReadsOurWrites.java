package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.WriteMode;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark reads what every kind of our writes leaves behind (appends, overwrites, replaceWhere by
 * partition and by data, schema evolution) with our rows, and its DESCRIBE HISTORY says, field for
 * field, what our history() says: the operations, parameters, metrics, read versions and blind
 * appends we recorded.
 */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestSparkReadsOurWrites {
  private static final String STORAGES = "io.deltalake4j.testing.Storages#both";

  private static List<List<Object>> expected(List<Row> rows) {
    return LibraryRows.sorted(rows);
  }

  private static void assertSparkAgrees(SparkSession spark, DeltaLake lake, String path) {
    DeltaTable ours = lake.table(path);
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path)))
        .isEqualTo(LibraryRows.collectSorted(ours.scan()));
    assertThat(TestReadsSparkTables.schemaOf(spark.read().format("delta").load(path)))
        .isEqualTo(TestReadsSparkTables.schemaOf(ours));
    assertThat(SparkHistory.commits(spark, path, SparkHistory.ALL))
        .isEqualTo(TestHistoryAndDetailMatchSpark.commits(ours.history(1_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void everyWriteModeReadsTheSameInSpark(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("modes");
    List<Row> rows = new ArrayList<>();
    SalesData.rows(1, 500, 1).forEach(rows::add);
    lake.write(path).mode(WriteMode.APPEND).schema(SalesData.SCHEMA).partitionBy("region", "month")
        .userMetadata("first load").rows(rows).commit();
    lake.write(path).mode(WriteMode.APPEND).commitProperty("batch", "2").rows(SalesData.rows(501, 100, 2)).commit();
    lake.write(path).mode(WriteMode.IGNORE).rows(SalesData.rows(9_001, 5, 3)).commit();
    CommitResult overwritten = lake.write(path).mode(WriteMode.OVERWRITE).rows(SalesData.rows(1_001, 50, 4)).commit();

    List<Row> now = new ArrayList<>();
    SalesData.rows(1_001, 50, 4).forEach(now::add);
    assertThat(overwritten.version()).isEqualTo(2);
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path))).isEqualTo(expected(now));
    assertThat(SparkRows.collectSorted(spark.read().format("delta").option("versionAsOf", 1).load(path))).hasSize(600);
    assertSparkAgrees(spark, lake, path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void replaceWhereByPartitionAndByDataReadsTheSameInSpark(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("replace-where");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region").rows(SalesData.rows(1_200)).commit();
    List<Row> usEast = new ArrayList<>();
    for (Row r : SalesData.rows(5_001, 40, 5)) {
      if (r.getString("region").equals("us-east")) {
        usEast.add(r);
      }
    }
    List<Row> expensive = new ArrayList<>();
    for (Row r : SalesData.rows(6_001, 400, 6)) {
      if (r.getDecimal("price").compareTo(new BigDecimal("950")) >= 0 && !r.getString("region").equals("us-east")) {
        expensive.add(r);
      }
    }

    lake.table(path).overwrite().where("region = 'us-east'").rows(usEast).commit();
    lake.table(path).overwrite().where("price >= 950 AND region != 'us-east'").rows(expensive).commit();

    List<Row> expected = new ArrayList<>();
    for (Row r : SalesData.rows(1_200)) {
      boolean east = r.getString("region").equals("us-east");
      if (!east && r.getDecimal("price").compareTo(new BigDecimal("950")) < 0) {
        expected.add(r);
      }
    }
    expected.addAll(usEast);
    expected.addAll(expensive);
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path))).isEqualTo(expected(expected));
    assertSparkAgrees(spark, lake, path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void schemaEvolutionReadsTheSameInSparkAndSparkAppendsAfterIt(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("evolved");
    StructType v1 = StructType.builder().add("id", PrimitiveType.LONG).add("part", PrimitiveType.STRING).build();
    StructType v2 = StructType.builder().add("id", PrimitiveType.LONG).add("part", PrimitiveType.STRING)
        .add("note", PrimitiveType.STRING).build();
    lake.create(path).schema(v1).partitionBy("part").rows(List.of(Row.of(v1, 1L, "a"), Row.of(v1, 2L, "b"))).commit();
    lake.table(path).append().mergeSchema(v2).rows(List.of(Row.of(v2, 3L, "a", "new"))).commit();
    spark.sql("INSERT INTO " + SparkTables.table(path) + " VALUES (4, 'c', 'from spark')");

    assertThat(LibraryRows.collectSorted(lake.table(path).scan())).isEqualTo(CanonicalRows.sorted(List.of(
        CanonicalRows.row(1L, "a", null), CanonicalRows.row(2L, "b", null),
        CanonicalRows.row(3L, "a", "new"), CanonicalRows.row(4L, "c", "from spark"))));
    assertSparkAgrees(spark, lake, path);

    StructType v3 = StructType.builder().add("k", PrimitiveType.STRING).add("day", PrimitiveType.DATE).build();
    lake.table(path).overwrite().overwriteSchema(v3, "day")
        .maps(List.of(Map.of("k", "x", "day", java.time.LocalDate.of(2024, 5, 1)))).commit();
    assertThat(spark.read().format("delta").load(path).schema().simpleString()).isEqualTo("struct<k:string,day:date>");
    assertSparkAgrees(spark, lake, path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void replaceWhereOnASparkTableWithDeletionVectorsKeepsOnlyLiveRows(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = SparkTables.deletionVectors(storage.newTablePath("dv-base"));
    StructType schema = lake.table(path).schema();

    lake.table(path).overwrite().where("amount >= 300")
        .rows(List.of(Row.of(schema, 1_000L, "new", 1_000.0))).commit();

    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> r : ExpectedRows.deletionVectors()) {
      if ((double) r.get(2) < 300) {
        expected.add(r);
      }
    }
    expected.add(CanonicalRows.row(1_000L, "new", 1_000.0));
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path))).isEqualTo(CanonicalRows.sorted(expected));
    assertThat(LibraryRows.collectSorted(lake.table(path).scan())).isEqualTo(CanonicalRows.sorted(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void aSparkDeleteWithDeletionVectorsDuringAnOverwriteFailsTheOverwrite(StorageUnderTest storage, SparkSession spark,
      DeltaLake lake) {
    String path = SparkTables.deletionVectors(storage.newTablePath("dv-race"));
    StructType schema = lake.table(path).schema();
    long before = lake.table(path).scan().count();
    // The DELETE leaves the files in place and changes their deletion vectors: same paths, other rows.
    Iterable<Row> rows = () -> {
      spark.sql("DELETE FROM " + SparkTables.table(path) + " WHERE id % 5 = 1");
      return List.of(Row.of(schema, 1_000L, "c1", 1.0)).iterator();
    };

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lake.table(path).overwrite().where("category = 'c1'").rows(rows).commit())
        .isInstanceOf(io.deltalake4j.exceptions.CommitConflictException.class)
        .hasMessageContaining("deletion vector");
    assertThat(lake.table(path).scan().count()).isLessThan(before);
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path)))
        .isEqualTo(LibraryRows.collectSorted(lake.table(path).scan()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void mergeSchemaKeepsSparksColumnMetadataIntact(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("widened");
    String t = SparkTables.table(path);
    spark.sql("CREATE TABLE " + t + " (id INT, v SMALLINT) USING delta TBLPROPERTIES ('delta.enableTypeWidening' = 'true')");
    spark.sql("INSERT INTO " + t + " VALUES (1, 10)");
    spark.sql("ALTER TABLE " + t + " CHANGE COLUMN v TYPE INT");
    String widenedField = DeltaLogFiles.of(path).latestSchema().get("fields").get(1).get("metadata").toString();
    StructType wider = StructType.builder().add("id", PrimitiveType.INT).add("v", PrimitiveType.INT)
        .add("note", PrimitiveType.STRING).build();

    lake.table(path).append().mergeSchema(wider).rows(List.of(Row.of(wider, 2, 70_000, "x"))).commit();

    // Spark's type-widening record is an array of objects in the log; it must come through untouched.
    assertThat(widenedField).contains("\"delta.typeChanges\":[{");
    assertThat(DeltaLogFiles.of(path).latestSchema().get("fields").get(1).get("metadata").toString()).isEqualTo(widenedField);
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path))).isEqualTo(CanonicalRows.sorted(List.of(
        CanonicalRows.row(1, 10, null), CanonicalRows.row(2, 70_000, "x"))));
  }
}
