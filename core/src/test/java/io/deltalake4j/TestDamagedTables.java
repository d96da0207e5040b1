package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.CorruptFileException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables whose files are damaged (a commit cut short or emptied, a checkpoint or data file that is
 * not Parquet) fail loudly and typed, naming the file; nothing is read from them as if it were
 * whole, no checkpoint is made of them, and nothing is committed on top of them.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestDamagedTables {

  private static final String COMMIT_1 = "00000000000000000001.json";

  /** Version 0 (create) and versions 1..3, one row each: four rows. */
  private static String fourRows(StorageUnderTest storage, DeltaLake lake, String name) {
    String path = storage.newTablePath(name);
    lake.create(path).schema(WriterProcess.SCHEMA).property("delta.checkpointInterval", "100")
        .rows(WriterProcess.rows(0, 1, 0)).commit();
    for (int i = 1; i <= 3; i++) {
      lake.table(path).append().rows(WriterProcess.rows(i, 1, 0)).commit();
    }
    return path;
  }

  /** Keeps the first {@code keep} bytes of a file (0 empties it). */
  static void truncate(String file, int keep) throws Exception {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(new Configuration());
    byte[] all = new byte[(int) fs.getFileStatus(p).getLen()];
    try (FSDataInputStream in = fs.open(p)) {
      in.readFully(all);
    }
    fs.delete(p, false);
    try (FSDataOutputStream out = fs.create(p, false)) {
      out.write(Arrays.copyOf(all, Math.min(keep, all.length)));
    }
  }

  static List<String> logFiles(String path) throws Exception {
    Path log = new Path(path + "/_delta_log");
    FileSystem fs = log.getFileSystem(new Configuration());
    return Arrays.stream(fs.listStatus(log)).map(s -> s.getPath().getName()).sorted().toList();
  }

  private static int length(String file) throws Exception {
    Path p = new Path(file);
    return (int) p.getFileSystem(new Configuration()).getFileStatus(p).getLen();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aCommitCutShortFailsNamingItAndTheVersionBefore(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = fourRows(storage, lake, "cut-short");
    String commit = path + "/_delta_log/" + COMMIT_1;
    truncate(commit, length(commit) - 7);

    assertThatThrownBy(() -> lake.table(path).scan().count())
        .isInstanceOf(CorruptFileException.class)
        .hasMessageContaining(COMMIT_1)
        .hasMessageContaining("version 1 of table")
        .hasMessageContaining("read version 0")
        .satisfies(e -> assertThat(((CorruptFileException) e).file()).endsWith(COMMIT_1));
    assertThat(lake.table(path).asOfVersion(0).scan().count()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anEmptiedLastCommitIsDamagedNotAnEmptyCommit(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = fourRows(storage, lake, "emptied");
    String last = path + "/_delta_log/00000000000000000003.json";
    truncate(last, 0);

    assertThatThrownBy(() -> lake.table(path).scan().count())
        .isInstanceOf(CorruptFileException.class)
        .hasMessageContaining("00000000000000000003.json")
        .hasMessageContaining("empty");
    assertThat(lake.table(path).asOfVersion(2).scan().count()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void nothingIsAppendedOnTopOfAnUnreadableLatestCommit(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = fourRows(storage, lake, "append-on-damage");
    String last = path + "/_delta_log/00000000000000000003.json";
    truncate(last, length(last) / 2);

    assertThatThrownBy(() -> lake.table(path).append().rows(WriterProcess.rows(10, 1, 0)).commit())
        .isInstanceOf(CorruptFileException.class)
        .hasMessageContaining("00000000000000000003.json");
    assertThat(logFiles(path)).doesNotContain("00000000000000000004.json");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aCheckpointIsNeverMadeOfALogThatFailsToReplay(StorageUnderTest storage) throws Exception {
    try (DeltaLake manual = DeltaLake.builder().hadoopConf(new Configuration()).maintenance(Maintenance.MANUAL).build()) {
      String path = fourRows(storage, manual, "no-partial-checkpoint");
      String commit = path + "/_delta_log/" + COMMIT_1;
      truncate(commit, length(commit) - 7);

      assertThatThrownBy(() -> manual.table(path).checkpoint()).isInstanceOf(DeltaException.class)
          .hasMessageContaining(COMMIT_1);

      assertThat(logFiles(path)).noneMatch(n -> n.contains("checkpoint"));
      assertThatThrownBy(() -> manual.table(path).scan().count()).isInstanceOf(CorruptFileException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aDamagedDataFileIsNamed(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = fourRows(storage, lake, "bad-data-file");
    Path table = new Path(path);
    FileSystem fs = table.getFileSystem(new Configuration());
    String data = Arrays.stream(fs.listStatus(table)).map(s -> s.getPath().toString())
        .filter(n -> n.endsWith(".parquet")).findFirst().orElseThrow();
    truncate(data, length(data) - 20);

    assertThatThrownBy(() -> lake.table(path).scan().toList())
        .isInstanceOf(CorruptFileException.class)
        .hasMessageContaining(new Path(data).getName())
        .hasMessageContaining("damaged");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aDamagedCheckpointIsNamed(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = fourRows(storage, lake, "bad-checkpoint");
    lake.table(path).checkpoint();
    String checkpoint = path + "/_delta_log/00000000000000000003.checkpoint.parquet";
    truncate(checkpoint, length(checkpoint) - 20);

    assertThatThrownBy(() -> lake.table(path).scan().count())
        .isInstanceOf(CorruptFileException.class)
        .hasMessageContaining("00000000000000000003.checkpoint.parquet")
        .hasMessageContaining("checkpoint");
  }
}
