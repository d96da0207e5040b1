package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQuickStart {

  @Test
  void quickStartWritesTheSalesTableAndCountsJanuaryInUsEast(@TempDir Path dir) {
    String path = dir.resolve("sales").toString();
    String text = StdOut.of(() -> QuickStart.main(new String[] {path}));

    assertThat(text).contains("4,166 rows in us-east, January; version 0");
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable sales = lake.table(path);
      assertThat(sales.scan().count()).isEqualTo(50_000);
      assertThat(QuickStart.firstRow(sales).getString("region")).isEqualTo("us-east");
    }
  }
}
