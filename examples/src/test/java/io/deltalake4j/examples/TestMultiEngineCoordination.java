package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.examples.support.Report;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.Storages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * MultiEngineCoordination's figures against the rows its writers were given, computed from the
 * generator: whole snapshots only, every committed row once, and the health it reports.
 */
@ExtendWith(Storages.class)
class TestMultiEngineCoordination {

  /** What the run must leave: the first batch and each writer's batches, as the program numbers them. */
  private static List<Row> expectedRows(int writers, int batches, int batchRows) {
    List<Row> rows = new java.util.ArrayList<>();
    SalesData.rows(1, MultiEngineCoordination.FIRST_BATCH, 42).forEach(rows::add);
    for (int w = 0; w < writers; w++) {
      for (int b = 1; b <= batches; b++) {
        long first = MultiEngineCoordination.WRITER_IDS + ((long) w * 10_000 + (b - 1)) * batchRows;
        SalesData.rows(first, batchRows, w * 1_000L + b).forEach(rows::add);
      }
    }
    return rows;
  }

  private static void assertRun(String text, String table, int writers, int batches, int batchRows) {
    List<Row> expected = expectedRows(writers, batches, batchRows);
    BigDecimal revenue = expected.stream()
        .map(r -> r.getDecimal("price").multiply(BigDecimal.valueOf(r.getInt("quantity"))))
        .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(StdOut.tableHeaded(text, "property")).contains(List.of("owner", "analytics-platform"),
        List.of("delta.checkpointInterval", "10"));
    List<List<String>> writersTable = StdOut.table(text, "Concurrent writers and readers");
    assertThat(writersTable).hasSize(writers + 1);
    assertThat(writersTable.subList(1, writers + 1)).allSatisfy(w -> assertThat(w.subList(1, 3)).containsExactly(Report.cell((long) batches),
            Report.cell((long) batches * batchRows)));
    List<String> health = StdOut.table(text, "Health").get(1);
    // Regions: us-east, us-west, eu-central, asia-pacific; categories: computing, mobile, audio, imaging.
    assertThat(health.subList(1, 5)).containsExactly(Report.cell((long) expected.size()), "4", "4",
        Report.cell(revenue));
    assertThat(text).doesNotContain("INCONSISTENT").contains("OPTIMIZE (file compaction): not supported yet")
        .contains("VACUUM (deleting unreferenced files): not supported yet");

    try (DeltaLake lake = DeltaLake.local()) {
      Set<Long> ids = new HashSet<>();
      List<Row> rows = lake.table(table).scan().select("transaction_id").toList();
      rows.forEach(r -> ids.add(r.getLong("transaction_id")));
      Set<Long> want = new HashSet<>();
      expected.forEach(r -> want.add(r.getLong("transaction_id")));
      assertThat(rows).hasSameSizeAs(expected);
      assertThat(ids).isEqualTo(want);
    }
  }

  @Test
  void writersAndReadersShareTheTableAndTheHealthAddsUp(@TempDir Path dir) {
    String warehouse = dir.resolve("warehouse").toString();
    String text = StdOut.of(() -> MultiEngineCoordination.main(new String[] {"--warehouse", warehouse,
        "--writers", "3", "--readers", "2", "--batches", "4", "--batch-rows", "500"}));

    assertRun(text, warehouse + "/coordinated_sales", 3, 4, 500);
    // Readers' own report: every snapshot they opened was whole.
    List<List<String>> readers = StdOut.tableHeaded(text, "reader");
    assertThat(readers).hasSize(3);
    assertThat(readers.subList(1, 3)).allSatisfy(r -> {
      assertThat(Long.parseLong(r.get(1))).isPositive();
      assertThat(r.get(3)).isEqualTo("0");
    });
    assertThat(text).contains("WARNING: ").contains("above the threshold of 32");
  }

  @Test
  void onHdfsASecondRunStartsAgainAndNoWarningBelowTheThreshold() {
    String warehouse = Storages.hdfs().newTablePath("coordination");
    String[] args = {"--warehouse", warehouse, "--writers", "2", "--readers", "1", "--batches", "2",
        "--batch-rows", "300", "--max-files", "1000"};
    StdOut.of(() -> MultiEngineCoordination.main(args));
    String text = StdOut.of(() -> MultiEngineCoordination.main(args));

    assertRun(text, warehouse + "/coordinated_sales", 2, 2, 300);
    assertThat(text).doesNotContain("WARNING");
  }
}
