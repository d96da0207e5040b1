package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scans that decode several files at once return the sequential scan's rows, in order unless told otherwise. */
@ExtendWith({Storages.class, LocalLake.class})
class TestParallelArrowScan extends LeakChecked {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void parallelScansReturnTheSequentialRows(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("sales");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "month").rows(SalesData.rows(20_000)).commit();
    DeltaTable table = lake.table(path);

    for (Scan scan : List.of(table.scan(), table.scan().where("price > 500 AND region <> 'us-west'"),
        table.scan().select("product", "month").limit(1_234))) {
      List<Row> sequential = ArrowReads.read(ArrowScan.of(scan), scan.schema(), allocator).rows();
      List<Row> ordered = ArrowReads.read(ArrowScan.of(scan).parallelism(3), scan.schema(), allocator).rows();
      List<Row> unordered = ArrowReads.read(ArrowScan.of(scan).parallelism(3).unordered(), scan.schema(), allocator).rows();

      assertThat(sequential).as(scan.toString()).isEqualTo(scan.toList());
      assertThat(ordered).as("in order: %s", scan).isEqualTo(sequential);
      if (scan.toString().contains("limit")) {
        // Unordered, a limit takes the first rows to arrive: as many, all of the table.
        assertThat(unordered).hasSameSizeAs(sequential);
        assertThat(table.scan().select("product", "month").toList()).containsAll(unordered);
      } else {
        assertThat(unordered).as("any order: %s", scan).containsExactlyInAnyOrderElementsOf(sequential);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void closingHalfWayStopsTheThreadsAndFreesEveryQueuedBatch(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("half");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "month").rows(SalesData.rows(20_000)).commit();

    try (ArrowReader reader = ArrowScan.of(lake.table(path).scan()).parallelism(4).open(allocator)) {
      assertThat(reader.loadNextBatch()).isTrue();
      Thread.sleep(200); // let the other threads fill their queues
    }

    assertThat(allocator.getAllocatedMemory()).isZero();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("deltalake4j-arrow-scan") && t.isAlive());
  }

  @Test
  void aFileThatCannotBeReadFailsTheScanNamingIt(@TempDir Path dir) throws Exception {
    String path = dir.resolve("broken").toString();
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region").rows(SalesData.rows(2_000)).commit();
      Path victim;
      try (var files = Files.walk(dir)) {
        victim = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      }
      Files.write(victim, new byte[] {1, 2, 3});

      for (ArrowScan scan : List.of(ArrowScan.of(lake.table(path).scan()).parallelism(2),
          ArrowScan.of(lake.table(path).scan()).parallelism(2).unordered())) {
        try (ArrowReader reader = scan.open(allocator)) {
          assertThatThrownBy(() -> {
            while (reader.loadNextBatch()) {
              // read until the broken file
            }
          }).isInstanceOf(DeltaException.class).hasMessageContaining(victim.getFileName().toString());
          assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
              assertThatThrownBy(reader::loadNextBatch).as("a later call fails too, without waiting")
                  .isInstanceOf(DeltaException.class));
        }
      }
    }
  }
}
