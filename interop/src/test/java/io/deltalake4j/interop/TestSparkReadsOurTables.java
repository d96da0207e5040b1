package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.TableDetail;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark reads the tables deltalake4j writes (create with rows, appends, checkpoints) with exactly our
 * rows, schema, history and file statistics, and the two engines can take turns writing one table.
 */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestSparkReadsOurTables {
  private static final String STORAGES = "io.deltalake4j.testing.Storages#both";
  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void sparkReadsOurPartitionedSalesAfterCreateAndAppend(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("sales");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(3_000)).commit();
    CommitResult appended = lake.table(path).append().rows(SalesData.rows(3_001, 500, 7)).commit();

    List<List<Object>> expected = new ArrayList<>(ExpectedRows.sales(3_000));
    expected.addAll(LibraryRows.sorted(SalesData.rows(3_001, 500, 7)));
    Dataset<org.apache.spark.sql.Row> theirs = spark.read().format("delta").load(path);

    assertThat(appended.version()).isEqualTo(1);
    assertThat(SparkRows.collectSorted(theirs)).isEqualTo(CanonicalRows.sorted(expected));
    assertThat(SparkRows.collectSorted(spark.read().format("delta").option("versionAsOf", 0).load(path)))
        .isEqualTo(ExpectedRows.sales(3_000));
    assertThat(TestReadsSparkTables.schemaOf(theirs)).isEqualTo(TestReadsSparkTables.schemaOf(lake.table(path)));
    String location = lake.table(path).location();
    assertThat(theirs.inputFiles()).allSatisfy(f -> assertThat(f).startsWith(location + "/region="));
    assertThat(TestSparkTables.history(spark, path)).containsExactly("CREATE TABLE", "WRITE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void sparkReadsEveryTypeAndNullWeWrite(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("all-types");
    StructType schema = lake.table(ReferenceTable.ALL_TYPES.path(Bases.of(Bases.LOCAL))).schema();
    List<Row> rows = new ArrayList<>();
    for (List<Object> r : AllTypesData.ROWS) {
      rows.add(Row.of(schema, LibraryRows.libraryValues(r, schema)));
    }

    lake.create(path).schema(schema).partitionBy(AllTypesData.PARTITION_COLUMN).rows(rows).commit();

    Dataset<org.apache.spark.sql.Row> theirs = spark.read().format("delta").load(path);
    assertThat(theirs.schema()).isEqualTo(AllTypesData.SCHEMA);
    assertThat(SparkRows.collectSorted(theirs)).isEqualTo(ReferenceTable.ALL_TYPES.expectedRows());
    assertThat(LibraryRows.collectSorted(lake.table(path).scan())).isEqualTo(ReferenceTable.ALL_TYPES.expectedRows());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void sparkReadsOurCheckpointsAndDetail(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("checkpointed");
    lake.create(path).schema(SalesData.SCHEMA).property("delta.checkpointInterval", "2").commit();
    for (int batch = 0; batch < 5; batch++) {
      lake.table(path).append().rows(SalesData.rows(batch * 100L + 1, 100, batch)).commit();
    }

    DeltaTable ours = lake.table(path);
    TableDetail detail = ours.detail();
    org.apache.spark.sql.Row sparkDetail = SparkHistory.detail(spark, path);

    assertThat(DeltaLogFiles.of(path).fileNames(DeltaLogFiles.CLASSIC_CHECKPOINT)).hasSize(2);
    assertThat(DeltaLogFiles.of(path).fileNames()).contains("_last_checkpoint");
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path)))
        .isEqualTo(LibraryRows.collectSorted(ours.scan()))
        .hasSize(500);
    assertThat(sparkDetail.getLong(sparkDetail.fieldIndex("numFiles"))).isEqualTo(detail.numFiles());
    assertThat(sparkDetail.getLong(sparkDetail.fieldIndex("sizeInBytes"))).isEqualTo(detail.sizeInBytes());
    assertThat(SparkHistory.javaMap(sparkDetail, "properties")).isEqualTo(detail.properties());
    assertThat(TestHistoryAndDetailMatchSpark.commits(ours.history(10))).isEqualTo(SparkHistory.commits(spark, path, 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void sparkAndWeTakeTurnsAppendingToOneTable(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("shared");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region").rows(SalesData.rows(200)).commit();
    spark.read().format("delta").load(path).where("transaction_id <= 50")
        .selectExpr("transaction_id + 1000 AS transaction_id", "product", "quantity", "price", "region", "sale_date", "year", "month")
        .write().format("delta").mode("append").save(path);
    lake.table(path).append().rows(SalesData.rows(2_001, 10, 3)).commit();

    List<List<Object>> ours = LibraryRows.collectSorted(lake.table(path).scan());

    assertThat(ours).hasSize(260).isEqualTo(SparkRows.collectSorted(spark.read().format("delta").load(path)));
    assertThat(lake.table(path).scan().where("transaction_id > 1000 AND transaction_id < 2000").count()).isEqualTo(50);
    assertThat(TestSparkTables.history(spark, path)).containsExactly("CREATE TABLE", "WRITE", "WRITE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void sparkSkipsFilesWithTheStatisticsWeWrite(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    String path = storage.newTablePath("stats");
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(1, 1_000, 1)).commit();
    for (int batch = 1; batch < 4; batch++) {
      lake.table(path).append().rows(SalesData.rows(batch * 1_000L + 1, 1_000, batch)).commit();
    }

    long filesRead = SparkScans.filesRead(spark.read().format("delta").load(path).where("transaction_id > 3500"));

    assertThat(DeltaLogFiles.of(path).statsOfAdds()).hasSize(4)
        .allSatisfy(stats -> assertThat(stats.get("numRecords").asLong()).isEqualTo(1_000));
    assertThat(filesRead).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void partitionDirectoriesAreNamedAsSparkNamesThem(StorageUnderTest storage, SparkSession spark, DeltaLake lake) {
    List<String> keys = List.of("a b", "x/y", "../up", "c=d", "%41", "q?'*", "ünï 😀", "tab\tend", "");
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add("k", PrimitiveType.STRING).build();
    List<Row> rows = new ArrayList<>();
    List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      rows.add(Row.of(schema, i, keys.get(i)));
      sparkRows.add(org.apache.spark.sql.RowFactory.create(i, keys.get(i)));
    }
    String ours = storage.newTablePath("escaping-ours");
    String theirs = storage.newTablePath("escaping-spark");

    lake.create(ours).schema(schema).partitionBy("k").rows(rows).commit();
    spark.createDataFrame(sparkRows, org.apache.spark.sql.types.StructType.fromDDL("id INT, k STRING"))
        .write().format("delta").partitionBy("k").save(theirs);

    assertThat(DeltaLogFiles.of(ours).partitionDirectories()).isEqualTo(DeltaLogFiles.of(theirs).partitionDirectories());
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(ours)))
        .isEqualTo(SparkRows.collectSorted(spark.read().format("delta").load(theirs)));
  }
}
