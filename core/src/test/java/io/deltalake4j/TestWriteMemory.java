package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes hold a bounded amount of memory, whatever their size, and still write as few files as the
 * target size allows: unpartitioned rows stream, partitioned rows spill to local disk past the
 * write buffer, and copy-on-write streams the files it rewrites.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestWriteMemory {

  static final StructType SCHEMA = StructType.builder()
      .add("id", PrimitiveType.LONG).add("part", PrimitiveType.INT).add("payload", PrimitiveType.STRING).build();

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aPartitionedWriteBeyondItsBufferSpillsAndStillWritesOneFilePerPartition(StorageUnderTest storage) throws Exception {
    List<Path> spillsBefore = spillDirs();
    try (DeltaLake lake = DeltaLake.builder().set("deltalake4j.write.bufferBytes", "64k").build()) {
      String path = storage.newTablePath("spilled");
      List<Row> rows = new ArrayList<>();
      SalesData.rows(6_000).forEach(rows::add);

      CommitResult r = lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "month").rows(rows).commit();

      Map<String, Long> filesPerPartition = TestReadWrite.parquetFiles(path).stream()
          .collect(Collectors.groupingBy(f -> f.getPath().getParent().toString(), Collectors.counting()));
      long partitions = rows.stream().map(row -> row.getString("region") + "/" + row.getInt("month")).distinct().count();
      assertThat(partitions).isGreaterThan(10);
      assertThat(filesPerPartition).hasSize((int) partitions).allSatisfy((dir, n) -> assertThat(n).isEqualTo(1));
      assertThat(r.filesAdded()).isEqualTo(partitions);
      assertThat(r.rowsWritten()).isEqualTo(6_000);
      assertThat(lake.table(path).scan().toList()).containsExactlyInAnyOrderElementsOf(rows);
    }
    assertThat(spillDirs()).as("spill files are deleted").containsExactlyInAnyOrderElementsOf(spillsBefore);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void spilledRowsAreWrittenToTablesThatKeepPartitionValuesInTheirFiles(StorageUnderTest storage) {
    try (DeltaLake lake = DeltaLake.builder().set("deltalake4j.write.bufferBytes", "64k").build()) {
      String path = storage.newTablePath("materialized");
      List<Row> rows = new ArrayList<>();
      SalesData.rows(5_000).forEach(rows::add);

      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "month")
          .property("delta.feature.materializePartitionColumns", "supported").rows(rows).commit();

      assertThat(lake.table(path).protocol().features()).contains("materializePartitionColumns");
      assertThat(lake.table(path).scan().toList()).containsExactlyInAnyOrderElementsOf(rows);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anUnpartitionedWriteStreamsIntoFilesOfTheTargetSize(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("streamed");
    CommitResult one = lake.create(path).schema(SCHEMA).rows(() -> generated(0, 600_000)).commit();
    assertThat(one.filesAdded()).as("600,000 rows fit one 128 MiB file").isEqualTo(1);

    CommitResult rolled = lake.table(path).append().targetFileSize(256 * 1024).rows(() -> generated(600_000, 100_000)).commit();

    assertThat(rolled.filesAdded()).isGreaterThan(2);
    assertThat(rolled.rowsWritten()).isEqualTo(100_000);
    assertThat(lake.table(path).scan().count()).isEqualTo(700_000);
    for (FileStatus f : TestReadWrite.parquetFiles(path)) {
      assertThat(f.getLen()).as("no empty files").isGreaterThan(1_000);
    }
  }

  /**
   * In a JVM of 64 MiB heap, a partitioned append of 1,000,000 rows (about 200 MB as Java objects)
   * and then an overwrite that rewrites the table's files keeping nearly all their rows. Holding
   * the rows would exhaust the heap.
   */
  @Test
  void millionRowWritesAndRewritesRunInASmallHeap(@TempDir Path dir) throws Exception {
    String partitioned = dir.resolve("partitioned").toUri().toString();
    String single = dir.resolve("single").toUri().toString();
    Path log = dir.resolve("child.log");
    Process p = startSmallHeap(log, partitioned, single);
    int exit = WriterProcess.await(p, 300);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exit).as("exit of the small-heap writer; stdout: %s; stderr: %s", out, Files.readString(log)).isZero();

    try (DeltaLake lake = DeltaLake.local()) {
      assertThat(lake.table(partitioned).scan().count()).isEqualTo(1_000_000);
      assertThat(lake.table(partitioned).detail().numFiles()).isEqualTo(10);
      DeltaTable rewritten = lake.table(single);
      assertThat(rewritten.scan().count()).isEqualTo(1_000_000 - 10 + 1);
      assertThat(rewritten.scan().where("id < 10").toList()).extracting(row -> row.getLong("id")).containsExactly(-1L);
      assertThat(rewritten.history(1).get(0).operationMetrics()).containsEntry("numCopiedRows", "999990");
    }
  }

  /** The child of {@link #millionRowWritesAndRewritesRunInASmallHeap}. Args: two table URIs. */
  public static void main(String[] args) {
    try (DeltaLake lake = DeltaLake.builder().set("parquet.block.size", Integer.toString(8 << 20)).build()) {
      lake.create(args[0]).schema(SCHEMA).partitionBy("part").rows(() -> generated(0, 1_000_000)).commit();
      lake.create(args[1]).schema(SCHEMA).rows(() -> generated(0, 1_000_000)).commit();
      lake.table(args[1]).overwrite().where("id < 10").rows(List.of(Row.of(SCHEMA, -1L, 0, "new"))).commit();
    }
  }

  private static Process startSmallHeap(Path log, String... tables) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), TestWriteMemory.class.getName()));
    cmd.addAll(List.of(tables));
    return new ProcessBuilder(cmd).redirectError(log.toFile()).start();
  }

  /** Rows {@code first ..} of {@link #SCHEMA}, made as they are read: part cycles through 0..9. */
  static Iterator<Row> generated(long first, int n) {
    return new Iterator<>() {
      private long next = first;

      @Override
      public boolean hasNext() {
        return next < first + n;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long id = next++;
        return Row.of(SCHEMA, id, (int) (id % 10), "payload-" + id + "-" + "x".repeat(60));
      }
    };
  }

  private static List<Path> spillDirs() throws Exception {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("deltalake4j-spill-")).toList();
    }
  }
}
