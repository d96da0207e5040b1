package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.CorruptFileException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, defect 5: operations that list every live file of a version anyway ({@code detail()},
 * a scan without a filter, a count without a filter) check the number and total size of the files
 * against the version's checksum file ({@code N.crc}) where one exists, and fail typed on a
 * mismatch; tables whose checksums agree, and tables without checksum files, read as before.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestVersionChecksum {

  private static final String CRC_2 = "00000000000000000002.crc";
  private static final String COMMIT_2 = "00000000000000000002.json";

  /** Versions 0..2, one data file of 100 rows each; we write a checksum file after each commit. */
  private static String threeVersions(StorageUnderTest storage, DeltaLake lake, String name) {
    String path = storage.newTablePath(name);
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(1, 100, 1)).commit();
    lake.table(path).append().rows(SalesData.rows(101, 100, 2)).commit();
    lake.table(path).append().rows(SalesData.rows(201, 100, 3)).commit();
    return path;
  }

  private static FileSystem fs(String path) throws Exception {
    return new Path(path).getFileSystem(new Configuration());
  }

  private static String read(String file) throws Exception {
    Path p = new Path(file);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FSDataInputStream in = fs(file).open(p)) {
      in.transferTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Rewrites a file through Hadoop, so local disk's own .crc sidecar files follow. */
  private static void write(String file, String text) throws Exception {
    Path p = new Path(file);
    fs(file).delete(p, false);
    try (FSDataOutputStream out = fs(file).create(p, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Drops the {@code add} actions from a commit file, as a damaged or hand-edited log would. */
  private static void dropAdds(String commit) throws Exception {
    List<String> lines = Arrays.asList(read(commit).split("\n"));
    assertThat(lines).anyMatch(l -> l.startsWith("{\"add\""));
    write(commit, lines.stream().filter(l -> !l.startsWith("{\"add\"")).collect(Collectors.joining("\n", "", "\n")));
  }

  private static boolean exists(String file) throws Exception {
    return fs(file).exists(new Path(file));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aLogThatLostAnAddFailsEveryOperationThatListsAllFilesNamingTheChecksum(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String path = threeVersions(storage, lake, "crc-mismatch");
    assertThat(exists(path + "/_delta_log/" + CRC_2)).as("checksum of version 2").isTrue();
    TableDetail before = lake.table(path).detail();
    dropAdds(path + "/_delta_log/" + COMMIT_2);

    DeltaTable table = lake.table(path);
    String crc = table.location() + "/_delta_log/" + CRC_2;
    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable listsAll : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
        table::detail, () -> table.scan().toList(), () -> table.scan().count(), () -> table.scan().select("product").count())) {
      assertThatThrownBy(listsAll)
          .isInstanceOf(CorruptFileException.class)
          .hasMessageStartingWith("Cannot read version 2 of table " + table.location() + ": ")
          .hasMessageContaining("its log lists 2 data files of ")
          .hasMessageContaining("its checksum file " + crc + " records 3 files of "
              + before.sizeInBytes() + " bytes")
          .hasMessageContaining("The log or the checksum is damaged; read an earlier version (asOfVersion(1)")
          .satisfies(e -> assertThat(((CorruptFileException) e).file()).isEqualTo(crc));
    }
    assertThat(table.asOfVersion(1).scan().count()).as("the version before").isEqualTo(200);
    assertThat(table.asOfVersion(1).detail().numFiles()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aTableWhoseChecksumAgreesReadsInFull(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = threeVersions(storage, lake, "crc-agrees");
    assertThat(exists(path + "/_delta_log/" + CRC_2)).isTrue();

    DeltaTable table = lake.table(path);
    assertThat(table.detail().numFiles()).isEqualTo(3);
    assertThat(table.scan().toList()).hasSize(300);
    assertThat(table.scan().count()).isEqualTo(300);
    assertThat(table.scan().where("transaction_id > 250").count()).isEqualTo(50);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aTableWithoutChecksumFilesIsNotChecked(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = threeVersions(storage, lake, "no-crc");
    for (int v = 0; v <= 2; v++) {
      fs(path).delete(new Path(path + "/_delta_log/" + String.format("%020d.crc", v)), false);
    }
    dropAdds(path + "/_delta_log/" + COMMIT_2);

    DeltaTable table = lake.table(path);
    assertThat(table.detail().numFiles()).isEqualTo(2);
    assertThat(table.scan().toList()).hasSize(200);
    assertThat(table.scan().count()).isEqualTo(200);
  }
}
