package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What appends leave on storage: compressed Parquet, stats, escaped partition directories, checkpoints. */
@ExtendWith(Storages.class)
class TestTableLayout {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void dataFilesAreZstdCompressedWithStatsInTheLog(StorageUnderTest storage) throws Exception {
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("sales");
      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(2_000)).commit();

      for (FileStatus f : TestReadWrite.parquetFiles(path)) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, new Configuration()))) {
          for (BlockMetaData block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
              assertThat(column.getCodec()).isEqualTo(CompressionCodecName.ZSTD);
            }
          }
        }
        assertThat(f.getPath().getParent().toString()).matches(".*/region=[a-z-]+/year=2024/month=\\d+");
      }
      String commit = read(path + "/_delta_log/00000000000000000000.json");
      // Stats are a JSON string inside the add action, so their quotes are escaped.
      assertThat(commit).containsPattern("numRecords\\\\\":\\d+")
          .containsPattern("minValues\\\\\":\\{\\\\\"transaction_id\\\\\":\\d+")
          .contains("maxValues").contains("nullCount");
    }
  }

  /** Hadoop's local file system would add a {@code .crc} sidecar per file (and start two {@code chmod}s). */
  @org.junit.jupiter.api.Test
  void localWritesLeaveNoChecksumSidecars(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    try (DeltaLake lake = DeltaLake.local()) {
      String path = dir.resolve("sales").toString();
      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(2_000)).commit();
      lake.table(path).append().rows(SalesData.rows(2_001, 500, 7)).commit();
      List<String> data;
      try (var files = java.nio.file.Files.walk(dir.resolve("sales"))) {
        data = files.filter(java.nio.file.Files::isRegularFile).filter(f -> !f.toString().contains("_delta_log"))
            .map(f -> f.getFileName().toString()).toList();
      }
      assertThat(data).isNotEmpty().allMatch(name -> name.endsWith(".parquet") && !name.startsWith("."));
      assertThat(lake.table(path).scan().count()).isEqualTo(2_500);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void partitionValuesAreEscapedAndReadBackExactly(StorageUnderTest storage) throws Exception {
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add("k", PrimitiveType.STRING).build();
    List<String> keys = List.of("a b", "x/y", "../../escape", "c=d", "%41", "ünï", "");
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("escaped");
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        rows.add(Row.of(schema, i, keys.get(i)));
      }
      lake.create(path).schema(schema).partitionBy("k").rows(rows).commit();
      DeltaTable table = lake.table(path);

      java.util.Set<String> directories = new java.util.TreeSet<>();
      for (FileStatus f : TestReadWrite.parquetFiles(path)) {
        assertThat(f.getPath().toString()).startsWith(new Path(path).toString());
        assertThat(f.getPath().getParent().getParent().toString()).isEqualTo(new Path(path).toString());
        directories.add(f.getPath().getParent().getName());
      }
      // Named as Spark names them: only " # % ' * / : = ? \ { [ ] ^ and control characters escaped.
      assertThat(directories).containsExactlyInAnyOrder(
          "k=a b", "k=x%2Fy", "k=..%2F..%2Fescape", "k=c%3Dd", "k=%2541", "k=ünï", "k=__HIVE_DEFAULT_PARTITION__");
      for (int i = 0; i < keys.size(); i++) {
        String expected = keys.get(i).isEmpty() ? null : keys.get(i);
        Row row = table.scan().where(io.deltalake4j.filter.Filter.col("id").eq(i)).toList().get(0);
        assertThat(row.getString("k")).as("key %d", i).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void checkpointsAreWrittenAtTheTableInterval(StorageUnderTest storage) throws Exception {
    StructType schema = StructType.builder().add("id", PrimitiveType.LONG).build();
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("checkpointed");
      lake.create(path).schema(schema).property("delta.checkpointInterval", "3").commit();
      DeltaTable table = lake.table(path);
      for (long v = 1; v <= 7; v++) {
        table.append().rows(List.of(Row.of(schema, v))).commit();
      }
      FileSystem fs = new Path(path).getFileSystem(new Configuration());
      assertThat(fs.exists(new Path(path + "/_delta_log/00000000000000000003.checkpoint.parquet"))).isTrue();
      assertThat(fs.exists(new Path(path + "/_delta_log/00000000000000000006.checkpoint.parquet"))).isTrue();
      assertThat(fs.exists(new Path(path + "/_delta_log/_last_checkpoint"))).isTrue();
      assertThat(fs.exists(new Path(path + "/_delta_log/00000000000000000007.crc"))).isTrue();
      assertThat(table.refresh().scan().count()).isEqualTo(7);
      assertThat(table.refresh().scan().where("id >= 4").count()).isEqualTo(4);
      assertThat(table.refresh().history(3)).extracting(Commit::version).containsExactly(7L, 6L, 5L);
    }
  }

  private static String read(String file) throws Exception {
    Path p = new Path(file);
    try (var in = p.getFileSystem(new Configuration()).open(p)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
