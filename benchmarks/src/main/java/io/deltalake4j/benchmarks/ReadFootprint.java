package io.deltalake4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * What a scan touched, recorded once per table and query outside the timed runs and appended to
 * {@code target/read-footprint.tsv}: the data files it planned to read and their size in the log,
 * and the rows it returned; every path plans the same files (checked before timing), except that
 * {@code count()} opens none when no row filter is needed. (Bytes actually read are not taken from Hadoop's file system
 * statistics: parquet-mr's vectored reads, which the Arrow decoder uses, are not counted there.)
 */
final class ReadFootprint {
  private ReadFootprint() {}

  static void record(String params, long files, long fileBytes, long rows) {
    String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%d%n", params, files, fileBytes, rows);
    try {
      Path out = Path.of("target", "read-footprint.tsv");
      if (!Files.exists(out)) {
        Files.writeString(out, "params\tdata files\tdata file bytes\trows\n");
      }
      Files.writeString(out, line, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
