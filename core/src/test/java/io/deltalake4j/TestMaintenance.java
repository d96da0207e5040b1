package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.VersionNotFoundException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoints, checksums and log cleanup: automatic after commits, or on request. */
@ExtendWith({Storages.class, LocalLake.class})
class TestMaintenance {

  private static List<String> logFiles(String path) throws Exception {
    Path log = new Path(path + "/_delta_log");
    FileSystem fs = log.getFileSystem(new Configuration());
    return Arrays.stream(fs.listStatus(log)).map(s -> s.getPath().getName()).filter(n -> !n.startsWith(".")).sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void manualMaintenanceLeavesCheckpointsToTheCaller(StorageUnderTest storage) throws Exception {
    String path = storage.newTablePath("manual");
    try (DeltaLake manual = DeltaLake.builder().hadoopConf(new Configuration()).maintenance(Maintenance.MANUAL).build()) {
      manual.create(path).schema(SalesData.SCHEMA).property("delta.checkpointInterval", "2").commit();
      for (int i = 0; i < 4; i++) {
        manual.table(path).append().rows(SalesData.rows(i * 10L + 1, 10, i)).commit();
      }
      assertThat(logFiles(path)).noneMatch(n -> n.contains("checkpoint") || n.endsWith(".crc"));

      long checkpointed = manual.table(path).checkpoint();

      assertThat(checkpointed).isEqualTo(4);
      assertThat(logFiles(path)).contains("00000000000000000004.checkpoint.parquet", "_last_checkpoint");
      assertThat(manual.table(path).scan().count()).isEqualTo(40);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aCheckpointDeletesLogFilesOlderThanTheRetention(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("cleanup");
    lake.create(path).schema(SalesData.SCHEMA).property("delta.logRetentionDuration", "interval 1 days")
        .property("delta.checkpointInterval", "100").commit();
    for (int i = 0; i < 3; i++) {
      lake.table(path).append().rows(SalesData.rows(i * 10L + 1, 10, i)).commit();
    }
    lake.table(path).checkpoint();
    // Versions 0..3 and the checkpoint of version 3 were written three days ago.
    Path log = new Path(path + "/_delta_log");
    FileSystem fs = log.getFileSystem(new Configuration());
    long threeDaysAgo = System.currentTimeMillis() - Duration.ofDays(3).toMillis();
    for (FileStatus f : fs.listStatus(log)) {
      if (f.getPath().getName().startsWith("0000")) {
        fs.setTimes(f.getPath(), threeDaysAgo, -1);
      }
    }
    for (int i = 3; i < 5; i++) {
      lake.table(path).append().rows(SalesData.rows(i * 10L + 1, 10, i)).commit();
    }

    lake.table(path).checkpoint();

    // Everything before the newest checkpoint older than the retention (version 3) is gone.
    assertThat(logFiles(path)).filteredOn(n -> n.endsWith(".json"))
        .containsExactly("00000000000000000003.json", "00000000000000000004.json", "00000000000000000005.json");
    assertThat(logFiles(path)).as("the checksums of the deleted versions go with them").filteredOn(n -> n.endsWith(".crc"))
        .containsExactly("00000000000000000003.crc", "00000000000000000004.crc", "00000000000000000005.crc");
    assertThat(lake.table(path).scan().count()).isEqualTo(50);
    assertThat(lake.table(path).asOfVersion(3).scan().count()).isEqualTo(30);
    assertThat(lake.table(path).history(10)).extracting(Commit::version).containsExactly(5L, 4L, 3L);
    assertThatThrownBy(() -> lake.table(path).asOfVersion(1))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("version 1");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aTargetFileSizeRollsLargeWritesOverIntoSeveralFiles(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("small-files");

    CommitResult r = lake.create(path).schema(SalesData.SCHEMA).targetFileSize(64 * 1024).rows(SalesData.rows(60_000)).commit();

    assertThat(r.filesAdded()).isGreaterThan(3);
    assertThat(lake.table(path).detail().numFiles()).isEqualTo(r.filesAdded());
    assertThat(lake.table(path).scan().count()).isEqualTo(60_000);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void checkpointingAVersionAgainKeepsTheFirstCheckpoint(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("twice");
    lake.create(path).schema(SalesData.SCHEMA).property("delta.checkpointInterval", "100").rows(SalesData.rows(10)).commit();
    assertThat(lake.table(path).checkpoint()).isZero();
    Path checkpoint = new Path(path + "/_delta_log/00000000000000000000.checkpoint.parquet");
    FileSystem fs = checkpoint.getFileSystem(new Configuration());
    long written = fs.getFileStatus(checkpoint).getModificationTime();
    Thread.sleep(20);

    assertThat(lake.table(path).checkpoint()).as("a second writer finding the checkpoint done").isZero();

    assertThat(fs.getFileStatus(checkpoint).getModificationTime()).isEqualTo(written);
    assertThat(lake.table(path).scan().count()).isEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aCheckpointSweepsTemporaryFilesThatKilledWritersLeftInTheLog(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String path = storage.newTablePath("stale-temp");
    lake.create(path).schema(SalesData.SCHEMA).property("delta.checkpointInterval", "100").rows(SalesData.rows(10)).commit();
    Path log = new Path(path + "/_delta_log");
    FileSystem fs = log.getFileSystem(new Configuration());
    Path stale = new Path(log, ".00000000000000000001.json.6c1e0f7a-2d7b-4b8e-9a55-2f0b8c6d1e11.tmp");
    Path recent = new Path(log, ".00000000000000000001.json.0b7f4c2e-8a9d-4f1b-b3c6-5d2e9f0a7c44.tmp");
    Path notOurs = new Path(log, "notes.tmp");
    for (Path p : List.of(stale, recent, notOurs)) {
      try (var out = fs.create(p, false)) {
        out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    fs.setTimes(stale, System.currentTimeMillis() - Duration.ofDays(2).toMillis(), -1);

    lake.table(path).checkpoint();

    assertThat(fs.exists(stale)).as("a day-old temporary commit file is swept").isFalse();
    assertThat(fs.exists(recent)).as("a writer may still be publishing a fresh one").isTrue();
    assertThat(fs.exists(notOurs)).isTrue();
    assertThat(lake.table(path).scan().count()).isEqualTo(10);
  }
}
