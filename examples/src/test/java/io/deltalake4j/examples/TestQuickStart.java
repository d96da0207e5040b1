package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQuickStart {

  @Test
  void quickStartWritesTheSalesTableAndCountsJanuaryInUsEast(@TempDir Path dir) {
    String path = dir.resolve("sales").toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[] {path});
    } finally {
      System.setOut(original);
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("4,166 rows in us-east, January; version 0");
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable sales = lake.table(path);
      assertThat(sales.scan().count()).isEqualTo(50_000);
      assertThat(QuickStart.firstRow(sales).getString("region")).isEqualTo("us-east");
    }
  }
}
