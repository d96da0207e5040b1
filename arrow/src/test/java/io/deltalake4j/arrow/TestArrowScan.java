package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.AllTypes;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scans into Arrow return exactly the rows the row scan returns, in the same order, for every
 * type, filter, projection, limit and version; each test's allocator must end empty.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestArrowScan extends LeakChecked {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void everyTypeArrivesAsTheRowScanReadsIt(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("all-types");
    lake.create(path).schema(AllTypes.SCHEMA).partitionBy("part").rows(AllTypes.rows()).commit();
    Scan scan = lake.table(path).scan();

    for (ArrowScan arrow : List.of(ArrowScan.of(scan), ArrowScan.of(scan).withKernelDecoder())) {
      ArrowReads.Read read = ArrowReads.read(arrow, scan.schema(), allocator);

      assertThat(read.rows()).isEqualTo(scan.toList());
      assertThat(read.rows()).containsExactlyInAnyOrderElementsOf(AllTypes.rows());
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void everyTypeDecodesColumnWise(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("every-type");
    lake.create(path).schema(AllTypes.SCHEMA).rows(AllTypes.rows()).commit();
    Scan scan = lake.table(path).scan();

    ArrowReads.Read read = ArrowReads.read(ArrowScan.of(scan), scan.schema(), allocator);

    assertThat(read.rows()).isEqualTo(scan.toList()).hasSize(AllTypes.rows().size());
    assertThat(io.deltalake4j.arrow.internal.kernel.parquet.DecoderProbe.columnWise(path, scan.schema()))
        .as("the file is decoded column-wise, not by the fallback").isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void listsMapsAndStructsNestedInEachOtherDecodeColumnWiseInBatchesOfAnySize(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String path = storage.newTablePath("nested");
    List<Row> rows = NestedData.rows(3_000, 11);
    lake.create(path).schema(NestedData.SCHEMA).rows(rows).commit();
    Scan scan = lake.table(path).scan();
    assertThat(io.deltalake4j.arrow.internal.kernel.parquet.DecoderProbe.columnWise(path, scan.schema())).isTrue();

    for (int batchSize : new int[] {1, 7, 1_000, 8_192}) {
      ArrowReads.Read read = ArrowReads.read(ArrowScan.of(scan).batchSize(batchSize), scan.schema(), allocator);
      assertThat(read.rows()).as("batches of %d", batchSize).isEqualTo(rows);
    }
    // Thinned batches are copied, not moved: every nested column goes through the copy.
    Scan filtered = scan.where("id >= 1000 AND id < 2000 AND id <> 1500");
    assertThat(ArrowReads.read(ArrowScan.of(filtered).batchSize(100), filtered.schema(), allocator).rows())
        .isEqualTo(filtered.toList()).hasSize(999);
    Scan projected = scan.select("id", "outer", "points").limit(10);
    assertThat(ArrowReads.read(ArrowScan.of(projected).batchSize(100), projected.schema(), allocator).rows())
        .isEqualTo(projected.toList()).hasSize(10);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void filtersProjectionsLimitsAndVersionsMatchTheRowScan(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("sales");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(5_000)).commit();
    DeltaTable table = lake.table(path);
    table.append().rows(SalesData.rows(5_001, 1_000, 7)).commit();
    List<Scan> scans = List.of(
        table.scan(),
        table.scan().where("region = 'us-east' AND month >= 6"),
        table.scan().where("price > 500 AND quantity < 3").select("product", "price", "region"),
        table.scan().select("month", "region"),
        table.scan().where("product = 'laptop'").limit(123),
        table.scan().asOfVersion(0).where("quantity = 1 OR product IN ('phone', 'camera')"),
        table.scan().where("region = 'nowhere'"));

    for (Scan scan : scans) {
      List<Row> expected = scan.toList();
      for (ArrowScan arrow : List.of(ArrowScan.of(scan).batchSize(700), ArrowScan.of(scan).batchSize(700).withKernelDecoder())) {
      ArrowReads.Read read = ArrowReads.read(arrow, scan.schema(), allocator);
      assertThat(read.rows()).as(scan.toString()).isEqualTo(expected);
      assertThat(read.batchSizes()).as("batches of %s", scan).allSatisfy(n -> assertThat(n).isBetween(1, 700));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aReaderClosedHalfWayFreesItsBatches(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("half");
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(3_000)).commit();
    try (ArrowReader reader = ArrowScan.of(lake.table(path).scan()).batchSize(1_000).open(allocator)) {
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(1_000);
      assertThat(allocator.getAllocatedMemory()).isPositive();
    }
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void unknownColumnsAreNamedBeforeAnythingIsAllocated(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("unknown");
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit();

    assertThatThrownBy(() -> ArrowScan.of(lake.table(path).scan().select("nope")).open(allocator))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("'nope'");
    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
