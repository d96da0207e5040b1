package io.deltalake4j.cli;

import io.deltalake4j.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/** Input files for the write tests, and what a table holds afterwards. */
final class WriteInputs {
  private WriteInputs() {}

  private static int counter;

  /** A new file in {@code dir} with this UTF-8 text. */
  static String file(Path dir, String extension, String text) {
    try {
      return Files.writeString(dir.resolve("input-" + ++counter + "." + extension), text, StandardCharsets.UTF_8).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new file in {@code dir} with these lines, each ended by LF. */
  static String lines(Path dir, String extension, String... lines) {
    return file(dir, extension, String.join("\n", lines) + "\n");
  }

  /** The table's rows, sorted by their text (enough to compare small tables). */
  static List<String> rows(String table) {
    return Tables.LAKE.table(table).scan().toList().stream().map(Row::toString).sorted().toList();
  }

  /** The data files of a table (local or HDFS), by path. */
  static List<String> dataFiles(String table) {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(table);
      FileSystem fs = root.getFileSystem(new Configuration());
      List<String> out = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        org.apache.hadoop.fs.Path p = it.next().getPath();
        if (p.getName().endsWith(".parquet") && !p.toString().contains("_delta_log")) {
          out.add(p.toString());
        }
      }
      out.sort(Comparator.naturalOrder());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
