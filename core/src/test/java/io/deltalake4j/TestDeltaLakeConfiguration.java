package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How a lake finds its file systems: a Configuration, a Hadoop configuration directory, local paths. */
@ExtendWith(Storages.class)
class TestDeltaLakeConfiguration {

  @Test
  void hadoopConfDirMakesPlainPathsResolveOnHdfs(@TempDir Path confDir) throws Exception {
    String fs = Storages.hdfs().root().replaceAll("^(hdfs://[^/]+).*", "$1");
    Files.writeString(confDir.resolve("core-site.xml"),
        "<configuration><property><name>fs.defaultFS</name><value>" + fs + "</value></property></configuration>");
    try (DeltaLake lake = DeltaLake.builder().hadoopConfDir(confDir).build()) {
      String path = "/conf-dir-test/sales";
      lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit();

      DeltaTable table = lake.table(path);
      assertThat(table.location()).isEqualTo(fs + path);
      assertThat(table.scan().count()).isEqualTo(10);
    }
  }

  @Test
  void storageTimeoutBoundsHadoopClientWaitsExceptThoseTheConfigurationSets() {
    Configuration conf = new Configuration();
    conf.set("ipc.client.rpc-timeout.ms", "300000");
    try (DeltaLake lake = DeltaLake.builder().hadoopConf(conf).storageTimeout(java.time.Duration.ofSeconds(7)).build()) {
      Configuration used = lake.engine().conf();

      assertThat(used.get("ipc.client.rpc-timeout.ms")).as("set by the user").isEqualTo("300000");
      assertThat(used.get("ipc.client.connect.timeout")).isEqualTo("7000");
      assertThat(used.get("ipc.ping.interval")).isEqualTo("7000");
      assertThat(used.get("dfs.client.socket-timeout")).isEqualTo("7000");
      assertThat(used.get("ipc.client.connect.max.retries.on.timeouts")).isEqualTo("0");
      assertThat(used.get("ipc.client.connect.max.retries")).isEqualTo("2");
    }
    assertThatThrownBy(() -> DeltaLake.builder().storageTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid storage timeout PT0S: give a positive duration.");
  }

  @Test
  void commitsCarryTheLibraryVersionFromTheBuild(@TempDir Path dir) {
    try (DeltaLake lake = DeltaLake.local()) {
      String path = dir.resolve("versioned").toString();
      lake.create(path).schema(SalesData.SCHEMA).commit();

      assertThat(DeltaLake.libraryVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
      assertThat(lake.table(path).history(1).get(0).engineInfo()).hasValueSatisfying(
          info -> assertThat(info).contains("deltalake4j/" + DeltaLake.libraryVersion()));
    }
  }

  @Test
  void localPathsRelativePathsAndFileUrisNameTheSameTable(@TempDir Path dir) {
    try (DeltaLake lake = DeltaLake.local()) {
      Path table = dir.resolve("t");
      lake.create(table.toString()).schema(SalesData.SCHEMA).rows(SalesData.rows(3)).commit();

      String viaPath = lake.table(table.toString()).location();
      assertThat(viaPath).isEqualTo("file:" + table.toAbsolutePath());
      assertThat(lake.table(table.toUri().toString()).location()).isEqualTo(viaPath);
      assertThat(lake.table(table.toString() + "/").location()).isEqualTo(viaPath);
      Path relative = Path.of("").toAbsolutePath().relativize(table.toAbsolutePath());
      assertThat(lake.table(relative.toString()).location()).isEqualTo(viaPath);
      assertThat(lake.exists(table.toString())).isTrue();
      assertThat(lake.exists(dir.resolve("other").toString())).isFalse();
    }
  }

  @Test
  void settingsOverrideTheConfiguration(@TempDir Path dir) throws Exception {
    try (DeltaLake lake = DeltaLake.builder().hadoopConf(new Configuration()).set("parquet.compression", "SNAPPY").build()) {
      lake.create(dir.resolve("t").toString()).schema(SalesData.SCHEMA).rows(SalesData.rows(3)).commit();
    }
    for (org.apache.hadoop.fs.FileStatus f : TestReadWrite.parquetFiles("file:" + dir.resolve("t"))) {
      try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
          org.apache.parquet.hadoop.util.HadoopInputFile.fromStatus(f, new Configuration()))) {
        assertThat(reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec())
            .isEqualTo(org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY);
      }
    }
  }

  @Test
  void configurationIsSetOnce(@TempDir Path dir) {
    assertThatThrownBy(() -> DeltaLake.builder().hadoopConf(new Configuration()).hadoopConfDir(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(() -> DeltaLake.builder().hadoopConfDir(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
  }
}
