package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writer processes killed with SIGKILL at random moments, while they write data files (large
 * batches) and while they commit (small batches, many commits), leave the table readable at a
 * consistent version: every commit whole, none half-applied. Only orphan data files remain.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestCrashSafety {

  private static final int KILLS = 6;

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void writersKilledAtRandomLeaveEveryCommitWholeAndTheTableReadable(StorageUnderTest storage, DeltaLake lake,
      @TempDir Path logs) throws Exception {
    String path = storage.newTablePath("crashed");
    lake.create(path).schema(WriterProcess.SCHEMA).partitionBy("writer").property("delta.checkpointInterval", "5").commit();
    Random random = new Random(20261129);
    Map<Integer, Integer> batchRows = new TreeMap<>();
    List<String> reported = new CopyOnWriteArrayList<>();

    for (int writer = 1; writer <= KILLS; writer++) {
      int rows = writer % 2 == 1 ? 40_000 : 20;
      batchRows.put(writer, rows);
      Process p = WriterProcess.start(path, writer, 1_000, rows, logs.resolve("writer-" + writer + ".log"));
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          out.lines().forEach(reported::add);
        } catch (java.io.IOException ignored) {
          // The process was killed mid-line.
        }
      });
      reader.start();
      Thread.sleep(2_000 + random.nextInt(3_000));
      p.destroyForcibly();
      p.waitFor();
      reader.join(10_000);

      assertConsistent(lake.table(path), batchRows);
    }

    DeltaTable t = lake.table(path);
    long commitsReported = reported.stream().filter(l -> l.startsWith("committed ")).count();
    assertThat(t.version()).isGreaterThanOrEqualTo(commitsReported);
    for (String line : reported) {
      if (line.startsWith("committed ")) {
        long first = Long.parseLong(line.split(" ")[2]);
        assertThat(t.scan().where(io.deltalake4j.filter.Filter.col("id").eq(first)).count()).as(line).isEqualTo(1);
      }
    }
    long orphans = TestReadWrite.parquetFiles(path).size() - t.detail().numFiles();
    System.out.printf("[crash] %s: %d kills, version %d, %d commits reported, %,d rows, %d orphan data files%n",
        storage, KILLS, t.version(), commitsReported, t.scan().count(), orphans);
  }

  /** The rows equal the commits' output rows, and each writer's ids form whole batches. */
  private static void assertConsistent(DeltaTable t, Map<Integer, Integer> batchRows) {
    long committedRows = t.history(100_000).stream()
        .mapToLong(c -> Long.parseLong(c.operationMetrics().getOrDefault("numOutputRows", "0"))).sum();
    Map<Long, Integer> perBatch = new TreeMap<>();
    List<Row> rows = new ArrayList<>(t.scan().select("id", "writer").toList());
    for (Row r : rows) {
      int writer = r.getInt(1);
      int size = batchRows.get(writer);
      long base = writer * 1_000_000_000L;
      long batchStart = base + (r.getLong(0) - base) / size * size;
      perBatch.merge(batchStart, 1, Integer::sum);
    }
    assertThat(rows).hasSize((int) committedRows);
    perBatch.forEach((start, n) -> {
      int writer = (int) (start / 1_000_000_000L);
      assertThat(n).as("rows of the batch starting at id %d", start).isEqualTo(batchRows.get(writer));
    });
  }
}
