package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowRows;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.arrow.ArrowSchemas;
import io.deltalake4j.arrow.ArrowWrites;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scans into Arrow return Spark's rows for every reference table (deletion vectors, column
 * mapping, checkpoints, every type with nulls inside structs, lists and maps, updates and merges),
 * through the column-wise decoder (on one thread and on two) and through Kernel's; each read's
 * allocator must end empty.
 */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestArrowMatchesSpark {

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("io.deltalake4j.interop.TestReadsSparkTables#tables")
  void arrowScansReturnSparksRows(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) throws Exception {
    String path = table.path(Bases.of(storage));
    Scan scan = lake.table(path).scan();
    List<List<Object>> expected = SparkRows.collectSorted(spark.read().format("delta").load(path));

    for (ArrowScan arrow : List.of(
        ArrowScan.of(scan).batchSize(1_000), ArrowScan.of(scan).parallelism(2), ArrowScan.of(scan).withKernelDecoder())) {
      try (BufferAllocator allocator = new RootAllocator(); ArrowReader reader = arrow.open(allocator)) {
        assertThat(LibraryRows.sorted(ArrowRows.readAll(reader, scan.schema()))).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("io.deltalake4j.interop.TestReadsSparkTables#filters")
  void filteredArrowScansReturnSparksRows(ReferenceTable table, String filter, SparkSession spark, DeltaLake lake)
      throws Exception {
    String path = table.path(Bases.of(Bases.LOCAL));
    Scan scan = lake.table(path).scan().where(filter);
    List<List<Object>> expected = SparkRows.collectSorted(spark.read().format("delta").load(path).where(filter));

    try (BufferAllocator allocator = new RootAllocator(); ArrowReader reader = ArrowScan.of(scan).open(allocator)) {
      assertThat(LibraryRows.sorted(ArrowRows.readAll(reader, scan.schema()))).as(filter).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void sparkReadsTablesAppendedFromArrowAsTheirSource(
      io.deltalake4j.testing.StorageUnderTest storage, SparkSession spark, DeltaLake lake) throws Exception {
    String source = ReferenceTable.ALL_TYPES.path(Bases.of(storage.isHdfs() ? Bases.HDFS : Bases.LOCAL));
    Scan scan = lake.table(source).scan();
    String partitioned = storage.newTablePath("from-arrow-partitioned");
    String unpartitioned = storage.newTablePath("from-arrow");
    lake.create(partitioned).schema(scan.schema())
        .partitionBy(lake.table(source).partitionColumns().toArray(String[]::new)).commit();
    lake.create(unpartitioned).schema(scan.schema()).commit();

    try (BufferAllocator allocator = new RootAllocator()) {
      for (String target : List.of(partitioned, unpartitioned)) {
        try (ArrowReader reader = ArrowScan.of(scan).batchSize(2).open(allocator)) {
          ArrowWrites.add(lake.table(target).append(), reader).commit();
        }
      }
    }

    List<List<Object>> expected = SparkRows.collectSorted(spark.read().format("delta").load(source));
    assertThat(expected).isNotEmpty();
    for (String target : List.of(partitioned, unpartitioned)) {
      assertThat(SparkRows.collectSorted(spark.read().format("delta").load(target))).as(target).isEqualTo(expected);
    }
  }

  /** Under column mapping the files name struct fields physically; the batches carry the logical names. */
  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void structsOfColumnMappedTablesArriveUnderTheirLogicalNames(
      io.deltalake4j.testing.StorageUnderTest storage, SparkSession spark, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("mapped-structs");
    String t = "delta.`" + path + "`";
    spark.sql("CREATE TABLE " + t + " (id INT, s STRUCT<x: INT, y: STRING>) USING delta "
        + "TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
    spark.sql("INSERT INTO " + t + " VALUES (1, named_struct('x', 10, 'y', 'a')), (2, NULL), (3, named_struct('x', NULL, 'y', 'c'))");
    spark.sql("ALTER TABLE " + t + " RENAME COLUMN s.x TO renamed_x");
    spark.sql("INSERT INTO " + t + " VALUES (4, named_struct('renamed_x', 40, 'y', 'd'))");
    Scan scan = lake.table(path).scan();
    List<List<Object>> expected = SparkRows.collectSorted(spark.read().format("delta").load(path));

    for (ArrowScan arrow : List.of(ArrowScan.of(scan), ArrowScan.of(scan).parallelism(2))) {
      try (BufferAllocator allocator = new RootAllocator(); ArrowReader reader = arrow.open(allocator)) {
        assertThat(LibraryRows.sorted(ArrowRows.readAll(reader, scan.schema()))).isEqualTo(expected).hasSize(4);
        assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(ArrowSchemas.of(scan.schema()));
      }
    }
  }
}
