package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.exceptions.CommitConflictException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many writers on one table, in threads and in separate JVMs, on local disk and HDFS: every commit
 * lands exactly once, and an overwrite never silently drops a row another writer committed.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestConcurrentWriters {

  private static String table(StorageUnderTest storage, DeltaLake lake, String name) {
    String path = storage.newTablePath(name);
    lake.create(path).schema(WriterProcess.SCHEMA).partitionBy("writer").commit();
    return path;
  }

  private static void assertEveryIdOnce(DeltaTable t, long expectedRows) {
    List<Row> rows = t.scan().select("id").toList();
    Set<Long> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.getLong(0)));
    assertThat(rows).hasSize((int) expectedRows);
    assertThat(ids).hasSize((int) expectedRows);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void eightThreadsAppendingFiftyTimesEachMakeFourHundredCommits(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = table(storage, lake, "threads");
    int threads = 8;
    int appends = 50;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int writer = w;
      results.add(pool.submit(() -> {
        start.await();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < appends; i++) {
          long first = writer * 1_000_000_000L + i * 2L;
          versions.add(lake.table(path).append().rows(WriterProcess.rows(first, 2, writer)).commit().version());
        }
        return versions;
      }));
    }
    Set<Long> versions = new HashSet<>();
    for (Future<List<Long>> f : results) {
      versions.addAll(f.get(600, TimeUnit.SECONDS));
    }
    pool.shutdown();

    DeltaTable t = lake.table(path);
    assertThat(versions).hasSize(threads * appends);
    assertThat(t.version()).isEqualTo(threads * appends);
    assertEveryIdOnce(t, threads * appends * 2L);
    assertThat(t.history(threads * appends + 1)).hasSize(threads * appends + 1);
    System.out.printf("[concurrency] %s: %d threads x %d appends -> version %d%n", storage, threads, appends, t.version());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void fourWriterProcessesAppendWithoutLosingACommit(StorageUnderTest storage, DeltaLake lake, @TempDir Path logs)
      throws Exception {
    String path = table(storage, lake, "processes");
    int processes = 4;
    int batches = 20;
    int rows = 10;
    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < processes; w++) {
      writers.add(WriterProcess.start(path, w, batches, rows, logs.resolve("writer-" + w + ".log")));
    }
    Set<Long> versions = new HashSet<>();
    for (int w = 0; w < processes; w++) {
      Process p = writers.get(w);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().filter(l -> l.startsWith("committed ")).forEach(l -> versions.add(Long.parseLong(l.split(" ")[1])));
      }
      int exit = WriterProcess.await(p, 300);
      assertThat(exit).as("writer %d exit code; its log: %s", w, Files.readString(logs.resolve("writer-" + w + ".log"))).isZero();
    }

    DeltaTable t = lake.table(path);
    assertThat(versions).hasSize(processes * batches);
    assertThat(t.version()).isEqualTo(processes * batches);
    assertEveryIdOnce(t, (long) processes * batches * rows);
    System.out.printf("[concurrency] %s: %d processes x %d appends -> version %d%n", storage, processes, batches, t.version());
  }

  /**
   * One thread overwrites a partition again and again while others append into it and next to it.
   * Afterwards the history proves the rule: no append into the partition committed between an
   * overwrite's read version and its commit; and every row appended after the last overwrite,
   * and every row appended next to the partition, is in the table.
   */
  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwritesRacingAppendsNeverDropACommittedRowSilently(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = table(storage, lake, "overwrite-race");
    lake.table(path).append().rows(WriterProcess.rows(0, 5, 0)).commit();
    AtomicBoolean stop = new AtomicBoolean();
    Map<Long, long[]> appendsByVersion = new TreeMap<>(); // version -> {writer, first id, rows}
    ConcurrentLinkedQueue<long[]> appended = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> appenders = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w; // writer 0 appends into the overwritten partition, writer 1 next to it
      appenders.add(pool.submit(() -> {
        for (long i = 1; !stop.get(); i++) {
          long first = (writer + 1) * 1_000_000L + i * 3;
          long v = lake.table(path).append().rows(WriterProcess.rows(first, 3, writer)).commit().version();
          appended.add(new long[] {v, writer, first});
          if (writer == 0) {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(400)); // leave overwrites a chance
          }
        }
        return null;
      }));
    }
    int committed = 0;
    int conflicts = 0;
    for (int i = 0; i < 15; i++) {
      try {
        lake.table(path).overwrite().where("writer = 0").rows(WriterProcess.rows(9_000_000L + i * 10L, 2, 0)).commit();
        committed++;
      } catch (CommitConflictException e) {
        conflicts++;
      }
    }
    stop.set(true);
    for (Future<?> f : appenders) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    appended.forEach(a -> appendsByVersion.put(a[0], new long[] {a[1], a[2]}));

    DeltaTable t = lake.table(path);
    long lastOverwrite = -1;
    for (Commit c : t.history(10_000)) {
      if (c.operationParameters().getOrDefault("mode", "").equals("Overwrite")) {
        long read = c.readVersion().orElseThrow();
        assertThat(appendsByVersion.entrySet())
            .as("appends into the partition between overwrite v%d's read (v%d) and its commit", c.version(), read)
            .noneMatch(e -> e.getKey() > read && e.getKey() < c.version() && e.getValue()[0] == 0);
        lastOverwrite = Math.max(lastOverwrite, c.version());
      }
    }
    Set<Long> ids = new HashSet<>();
    t.scan().select("id").toList().forEach(r -> ids.add(r.getLong(0)));
    for (Map.Entry<Long, long[]> e : appendsByVersion.entrySet()) {
      boolean mustSurvive = e.getValue()[0] == 1 || e.getKey() > lastOverwrite;
      if (mustSurvive) {
        assertThat(ids).as("rows of the append at v%d", e.getKey()).contains(e.getValue()[1], e.getValue()[1] + 2);
      }
    }
    assertThat(committed).isPositive();
    System.out.printf("[concurrency] %s: %d overwrites committed, %d conflicted, %d appends%n",
        storage, committed, conflicts, appendsByVersion.size());
  }
}
