package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.sample.SalesData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sales tables benchmarks read: the shared generator's rows in one commit, partitioned by
 * region, year and month. Written once under {@code benchmarks/target/tables} (or the directory in
 * the {@code deltalake4j.bench.dir} property) and reused by later runs.
 */
final class SalesTables {
  private SalesTables() {}

  /** The table of {@code rows} sales rows, created if it does not exist yet. */
  static String of(DeltaLake lake, int rows) {
    Path dir = Path.of(System.getProperty("deltalake4j.bench.dir", "target/tables")).toAbsolutePath();
    Path table = dir.resolve("sales-" + rows);
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      lake.create(table.toString()).schema(SalesData.SCHEMA).partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new))
          .rows(SalesData.rows(rows)).commit();
    }
    return table.toString();
  }
}
