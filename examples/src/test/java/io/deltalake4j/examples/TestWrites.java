package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.sample.SalesData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWrites {

  @Test
  void theReadmeWritesLeaveTheTableTheyDescribe(@TempDir Path dir) {
    String path = dir.resolve("sales").toString();
    String text = StdOut.of(() -> Writes.main(new String[] {path}));

    long januaryEastBefore = 0;
    for (Row r : SalesData.rows(50_000)) {
      januaryEastBefore += r.getString("region").equals("us-east") && r.getInt("month") == 1 ? 1 : 0;
    }
    long januaryEastNew = 0;
    for (Row r : SalesData.rows(100_001, 2_000, 7)) {
      januaryEastNew += r.getString("region").equals("us-east") && r.getInt("month") == 1 ? 1 : 0;
    }
    long expectedRows = 50_000 - januaryEastBefore + januaryEastNew + 20 + 1;
    assertThat(text).contains("v1: removed 1 files, wrote " + januaryEastNew + " rows");
    assertThat(text).contains("replay: SKIPPED_ALREADY_COMMITTED; last batch 2");
    assertThat(text).contains(String.format("version 4 (checkpoint at 4): %,d rows", expectedRows));
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable t = lake.table(path);
      assertThat(t.scan().count()).isEqualTo(expectedRows);
      assertThat(t.scan().where("channel = 'web'").count()).isEqualTo(1);
      assertThat(t.history(1).get(0).userMetadata()).hasValue("adds channel");
    }
  }
}
