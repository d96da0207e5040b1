package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.sample.SalesData;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every Spark fixture, written to local disk, has the content and the log shape it promises. */
@ExtendWith(SparkFixture.class)
class TestSparkTables {
  private static final int SALES_ROWS = ReferenceTable.SALES_ROWS;
  private static final int MANY_COMMITS = ReferenceTable.MANY_COMMITS;

  private static String base;

  @BeforeAll
  static void base() {
    base = SparkFixture.localTablesBase();
  }

  @Test
  void salesHoldsTheGeneratedRowsInOneCommit(SparkSession spark) {
    String path = SparkTables.sales(base, SALES_ROWS);
    Dataset<Row> df = read(spark, path);

    assertThat(SparkRows.columnNames(df)).isEqualTo(SalesData.SCHEMA.fieldNames());
    assertThat(df.schema().simpleString())
        .isEqualTo(
            "struct<transaction_id:bigint,product:string,quantity:int,price:decimal(10,2),"
                + "region:string,sale_date:date,year:int,month:int>");
    assertThat(SparkRows.collectSorted(df)).isEqualTo(ExpectedRows.sales(SALES_ROWS));
    assertThat(detail(spark, path).getList(detailIndex(spark, path, "partitionColumns")))
        .containsExactly("region", "year", "month");
    assertThat(history(spark, path)).containsExactly("WRITE");
    // month determines region (i % 12 fixes i % 4), so 12 partitions, not 48.
    assertThat(df.select("region", "year", "month").distinct().count()).isEqualTo(12);
  }

  @Test
  void deletionVectorsTableHasDeletionVectorsAndTheSurvivingRows(SparkSession spark) {
    String path = SparkTables.deletionVectors(base);

    assertThat(SparkRows.collectSorted(read(spark, path))).isEqualTo(ExpectedRows.deletionVectors());
    assertThat(DeltaLogFiles.of(path).addsWithDeletionVectors())
        .isNotEmpty()
        .allSatisfy(add -> assertThat(add.get("add").get("deletionVector").get("cardinality").asLong()).isPositive());
    assertThat(tableFeatures(spark, path)).contains("deletionVectors");
    assertThat(history(spark, path)).containsExactly("CREATE TABLE", "WRITE", "DELETE", "DELETE");
    // The surviving rows stay in the 3 original files: deletes only added deletion vectors.
    assertThat(detail(spark, path).getLong(detailIndex(spark, path, "numFiles")))
        .isEqualTo(ExpectedRows.DELETION_VECTORS_FILES);
  }

  @Test
  void columnMappingTableIsInNameModeWithPhysicalColumnNames(SparkSession spark) {
    String path = SparkTables.columnMappingName(base);
    Dataset<Row> df = read(spark, path);

    assertThat(SparkRows.columnNames(df)).isEqualTo(ExpectedRows.columnMappingNameColumns());
    assertThat(SparkRows.collectSorted(df)).isEqualTo(ExpectedRows.columnMappingName());
    assertThat(DeltaLogFiles.of(path).latestConfiguration().get("delta.columnMapping.mode").asText())
        .isEqualTo("name");
    assertThat(tableFeatures(spark, path)).contains("columnMapping");
    // The Parquet files hold physical names (col-<uuid>), not the logical ones.
    String dataFile = df.inputFiles()[0];
    List<String> physical = List.of(spark.read().parquet(dataFile).schema().fieldNames());
    assertThat(physical).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("col-"));
  }

  @Test
  void manySmallCommitsHasOneVersionPerInsertAndClassicCheckpoints(SparkSession spark) {
    String path = SparkTables.manySmallCommits(base, MANY_COMMITS);
    DeltaLogFiles log = DeltaLogFiles.of(path);

    assertThat(log.commitCount()).isEqualTo(MANY_COMMITS + 1);
    assertThat(history(spark, path)).hasSize(MANY_COMMITS + 1);
    assertThat(log.fileNames(DeltaLogFiles.CLASSIC_CHECKPOINT)).hasSize(MANY_COMMITS / 10);
    assertThat(log.fileNames()).contains("_last_checkpoint");
    assertThat(log.fileNames(DeltaLogFiles.V2_CHECKPOINT)).isEmpty();
    assertThat(SparkRows.collectSorted(read(spark, path)))
        .isEqualTo(ExpectedRows.manySmallCommits(MANY_COMMITS));
  }

  @Test
  void v2CheckpointTableHasAV2CheckpointFollowedByCommits(SparkSession spark) {
    String path = SparkTables.v2Checkpoint(base);
    DeltaLogFiles log = DeltaLogFiles.of(path);

    List<String> v2 = log.fileNames(DeltaLogFiles.V2_CHECKPOINT);
    assertThat(v2).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("00000000000000000005."));
    assertThat(log.fileNames(DeltaLogFiles.CLASSIC_CHECKPOINT)).isEmpty();
    assertThat(log.commitCount()).isEqualTo(ExpectedRows.V2_CHECKPOINT_COMMITS + 1);
    assertThat(tableFeatures(spark, path)).contains("v2Checkpoint");
    assertThat(SparkRows.collectSorted(read(spark, path))).isEqualTo(ExpectedRows.v2Checkpoint());
    System.out.println("[interop] v2 checkpoint files: " + v2 + ", sidecars: " + log.sidecarNames());
  }

  @Test
  void allTypesTableRoundTripsEveryValue(SparkSession spark) {
    String path = SparkTables.allTypes(base);
    Dataset<Row> df = read(spark, path);

    assertThat(df.schema()).isEqualTo(AllTypesData.SCHEMA);
    assertThat(SparkRows.collectSorted(df)).isEqualTo(ExpectedRows.allTypes());
    assertThat(tableFeatures(spark, path)).contains("timestampNtz");
    assertThat(detail(spark, path).getList(detailIndex(spark, path, "partitionColumns")))
        .containsExactly("part");
  }

  @Test
  void updatedAndMergedWithoutDeletionVectorsRewroteFiles(SparkSession spark) {
    String path = SparkTables.updatedAndMerged(base);

    assertThat(SparkRows.collectSorted(read(spark, path))).isEqualTo(ExpectedRows.updatedAndMerged());
    assertThat(history(spark, path)).containsExactly("CREATE TABLE", "WRITE", "UPDATE", "MERGE");
    assertThat(DeltaLogFiles.of(path).removeCount()).isPositive();
    assertThat(DeltaLogFiles.of(path).addsWithDeletionVectors()).isEmpty();
  }

  @Test
  void updatedAndMergedWithDeletionVectorsMarkedRowsDeleted(SparkSession spark) {
    String path = SparkTables.updatedAndMergedWithDeletionVectors(base);

    assertThat(SparkRows.collectSorted(read(spark, path))).isEqualTo(ExpectedRows.updatedAndMerged());
    assertThat(DeltaLogFiles.of(path).addsWithDeletionVectors()).isNotEmpty();
  }

  @Test
  void fixturesAreBuiltOncePerBase() {
    String first = SparkTables.allTypes(base);
    long count = SparkFixture.session().read().format("delta").load(first).count();

    assertThat(SparkTables.allTypes(base + "/")).isEqualTo(first);
    assertThat(history(SparkFixture.session(), first)).hasSize(1);
    assertThat(count).isEqualTo(AllTypesData.ROWS.size());
  }

  private static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  /** Operations of DESCRIBE HISTORY, oldest first. */
  static List<String> history(SparkSession spark, String path) {
    return spark.sql("DESCRIBE HISTORY " + SparkTables.table(path)).orderBy("version")
        .select("operation").collectAsList().stream()
        .map(r -> r.getString(0))
        .collect(Collectors.toList());
  }

  private static Row detail(SparkSession spark, String path) {
    return spark.sql("DESCRIBE DETAIL " + SparkTables.table(path)).first();
  }

  private static int detailIndex(SparkSession spark, String path, String column) {
    return spark.sql("DESCRIBE DETAIL " + SparkTables.table(path)).schema().fieldIndex(column);
  }

  private static List<String> tableFeatures(SparkSession spark, String path) {
    Row detail = detail(spark, path);
    return detail.getList(detail.fieldIndex("tableFeatures"));
  }
}
