package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.WriterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table several times larger, decoded, than the reader's heap and its Arrow memory limit scans
 * to the end: the reader holds one batch at a time.
 */
class TestScanMemory {

  static final int ROWS = 1_000_000;

  @Test
  void aTableLargerThanHeapAndArrowLimitScansWithBoundedMemory(@TempDir Path dir) throws Exception {
    String path = dir.resolve("sales").toUri().toString();
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region").rows(SalesData.rows(ROWS)).commit();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        TestScanMemory.class.getName(), path).redirectError(log.toFile()).start();
    int exit = WriterProcess.await(p, 300);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

    assertThat(exit).as("stderr: %s", Files.readString(log)).isZero();
    long n = ROWS;
    assertThat(out).isEqualTo(n + " " + (n * (n + 1) / 2));
  }

  /**
   * The child: scans the table (about 75 MB as Arrow vectors) in a 64 MiB heap under a 32 MiB
   * Arrow limit, and prints the row count and the sum of the ids.
   */
  public static void main(String[] args) throws Exception {
    long rows = 0;
    long sum = 0;
    try (DeltaLake lake = DeltaLake.local();
        BufferAllocator allocator = new RootAllocator(32L << 20);
        ArrowReader reader = ArrowScan.of(lake.table(args[0]).scan()).open(allocator)) {
      while (reader.loadNextBatch()) {
        BigIntVector ids = (BigIntVector) reader.getVectorSchemaRoot().getVector("transaction_id");
        for (int i = 0; i < ids.getValueCount(); i++) {
          sum += ids.get(i);
        }
        rows += ids.getValueCount();
      }
    }
    System.out.println(rows + " " + sum);
  }
}
