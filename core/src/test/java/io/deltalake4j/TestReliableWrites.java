package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.TableNotFoundException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writes that meet unusual but legal states: an empty log, a table created by a racing writer. */
@ExtendWith({Storages.class, LocalLake.class})
class TestReliableWrites {

  private static void mkdirs(String dir) throws Exception {
    Path p = new Path(dir);
    FileSystem fs = p.getFileSystem(new Configuration());
    fs.mkdirs(p);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anEmptyDeltaLogIsNoTableAndATableCanBeMadeThere(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String created = storage.newTablePath("empty-log-create");
    String appended = storage.newTablePath("empty-log-append");
    mkdirs(created + "/_delta_log");
    mkdirs(appended + "/_delta_log");

    assertThat(lake.exists(created)).isFalse();
    assertThatThrownBy(() -> lake.table(created))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("not a Delta table");
    lake.create(created).schema(WriterProcess.SCHEMA).rows(WriterProcess.rows(0, 3, 0)).commit();
    lake.write(appended).mode(WriteMode.APPEND).schema(WriterProcess.SCHEMA).rows(WriterProcess.rows(0, 2, 0)).commit();

    assertThat(lake.table(created).scan().count()).isEqualTo(3);
    assertThat(lake.table(appended).scan().count()).isEqualTo(2);
    assertThat(lake.table(appended).version()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void appendsRacingToCreateAMissingTableAllLand(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("racing-create");
    int writers = 4;
    List<CommitResult> results = race(writers, w -> lake.write(path).mode(WriteMode.APPEND)
        .schema(WriterProcess.SCHEMA).partitionBy("writer").rows(WriterProcess.rows(w * 100L, 5, w)).commit());

    assertThat(results).allMatch(r -> r.outcome() == CommitResult.Outcome.COMMITTED);
    assertThat(results).extracting(CommitResult::version).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
    assertThat(lake.table(path).scan().count()).isEqualTo(writers * 5L);
    assertThat(lake.table(path).history(100)).hasSize(writers);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void racingCreatesOfOneTransactionCommitItOnce(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("racing-create-txn");
    List<CommitResult> results = race(4, w -> lake.write(path).mode(WriteMode.APPEND).schema(WriterProcess.SCHEMA)
        .transaction("loader", 7).rows(WriterProcess.rows(0, 5, 0)).commit());

    assertThat(results).filteredOn(r -> r.outcome() == CommitResult.Outcome.COMMITTED).hasSize(1);
    assertThat(results).filteredOn(r -> r.outcome() == CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED).hasSize(3);
    assertThat(lake.table(path).scan().count()).isEqualTo(5);
    assertThat(lake.table(path).version()).isZero();
    Path root = new Path(path);
    FileSystem fs = root.getFileSystem(new Configuration());
    assertThat(fs.listStatus(root, p -> p.getName().endsWith(".parquet"))).as("the losers' files are removed")
        .hasSize((int) lake.table(path).detail().numFiles());
  }

  @org.junit.jupiter.api.Test
  void aCommitRefusedByStorageIsReportedNotCommittedAtOnceAndLeavesNothing() throws Exception {
    // HDFS enforces permissions for everyone but its superuser (this JVM's user): "alice" writes.
    String path = Storages.hdfs().newTablePath("read-only-log");
    Path table = new Path(path);
    FileSystem admin = table.getFileSystem(new Configuration());
    admin.mkdirs(table);
    admin.setOwner(table, "alice", "alice");
    UserGroupInformation alice = UserGroupInformation.createRemoteUser("alice");
    try (DeltaLake lake = alice.doAs((PrivilegedExceptionAction<DeltaLake>) () -> DeltaLake.local())) {
      alice.doAs((PrivilegedExceptionAction<CommitResult>) () -> lake.create(path).schema(WriterProcess.SCHEMA)
          .rows(WriterProcess.rows(0, 3, 0)).commit());
      admin.setPermission(new Path(table, "_delta_log"), new FsPermission((short) 0555));
      long start = System.nanoTime();

      assertThatThrownBy(() -> alice.doAs((PrivilegedExceptionAction<CommitResult>) () ->
              lake.table(path).append().rows(WriterProcess.rows(10, 3, 0)).commit()))
          .isInstanceOf(DeltaIOException.class)
          .hasMessageContaining("Nothing was committed")
          .hasMessageContaining("Permission denied")
          .satisfies(e -> assertThat(e.getMessage()).as("no server stack trace").doesNotContain("\tat "));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no retries").isLessThan(Duration.ofSeconds(20));
      admin.setPermission(new Path(table, "_delta_log"), new FsPermission((short) 0755));
      assertThat(lake.table(path).version()).isZero();
      assertThat(admin.listStatus(table, p -> p.getName().endsWith(".parquet")))
          .as("the append's data file is removed").hasSize(1);
    }
  }

  interface Writer {
    CommitResult write(int writer) throws Exception;
  }

  private static List<CommitResult> race(int writers, Writer write) throws Exception {
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<CommitResult>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          start.await();
          return write.write(writer);
        }));
      }
      List<CommitResult> results = new ArrayList<>();
      for (Future<CommitResult> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
