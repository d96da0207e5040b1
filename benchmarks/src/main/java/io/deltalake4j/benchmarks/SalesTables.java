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

  private static Path dir() {
    return Path.of(System.getProperty("deltalake4j.bench.dir", "target/tables")).toAbsolutePath();
  }

  /**
   * A table of {@code commits} commits (versions 0 to {@code commits - 1}): a create with ten sales
   * rows, then appends of ten rows each, with the checkpoint writes leave every ten commits. Created
   * if it does not exist yet (the marker file {@code _complete} says it was finished); an interrupted
   * generation resumes where it stopped.
   */
  static String withCommits(DeltaLake lake, int commits) {
    Path table = dir().resolve("log-" + commits);
    if (Files.exists(table.resolve("_complete"))) {
      return table.toString();
    }
    String path = table.toString();
    if (!lake.exists(path)) {
      lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(1, 10, 0)).commit();
    }
    io.deltalake4j.DeltaTable t = lake.table(path);
    for (long v = t.version() + 1; v < commits; v++) { // resumes an interrupted generation
      t.append().rows(SalesData.rows(v * 10 + 1, 10, v)).commit();
    }
    try {
      Files.createFile(table.resolve("_complete"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot mark " + table + " complete: " + e, e);
    }
    return path;
  }

  /**
   * The filter of a benchmark query, in the SQL both our {@code where} and Spark's take: none for
   * {@code full}, one of twelve partitions for {@code pruned}, a data column for {@code stats}.
   */
  static java.util.Optional<String> filter(String query) {
    return switch (query) {
      case "full" -> java.util.Optional.empty();
      case "pruned" -> java.util.Optional.of("region = 'us-east' AND month = 1");
      case "stats" -> java.util.Optional.of("price >= 990");
      default -> throw new IllegalArgumentException("Unknown query: " + query);
    };
  }

  /** The table of {@code rows} sales rows, created if it does not exist yet. */
  static String of(DeltaLake lake, int rows) {
    Path table = dir().resolve("sales-" + rows);
    if (!lake.exists(table.toString())) { // a create commits once: a table there is whole
      lake.create(table.toString()).schema(SalesData.SCHEMA).partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new))
          .rows(SalesData.rows(rows)).commit();
    }
    return table.toString();
  }
}
