package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The demo's local warehouse directory. Before a run, the demo table left by an earlier run is
 * removed, and only that: the demo marks its table with the table property {@value #MARKER}{@code
 * =true} when it creates it, and anything at the path without that mark (a directory that is not
 * a Delta table, the user's own table, or a demo table from a version before the mark) is never
 * deleted.
 */
final class DemoWarehouse {

  static final String TABLE_NAME = "sales_transactions";

  /** The table property the demo sets on the table it creates, and the only sign it deletes by. */
  static final String MARKER = "deltalake4j.demo";

  private final Path dir;

  DemoWarehouse(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** Where the demo table lives: {@code DIR/sales_transactions}. */
  Path table() {
    return dir.resolve(TABLE_NAME);
  }

  /**
   * Creates the warehouse directory if needed and removes the demo table of an earlier run.
   *
   * @return true if an earlier demo table was removed
   * @throws IllegalStateException if {@code DIR/sales_transactions} exists but is not a Delta table
   *     with the demo's mark
   */
  boolean prepare() {
    Path table = table();
    try {
      Files.createDirectories(dir);
      if (!Files.exists(table, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      if (!Files.isDirectory(table, LinkOption.NOFOLLOW_LINKS)
          || !Files.isDirectory(table.resolve("_delta_log"), LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalStateException("Cannot write the demo table at " + table
            + ": something that is not a Delta table is already there, and the demo only replaces its own table. "
            + "Move it away, or choose another --warehouse.");
      }
      if (!isDemoTable(table)) {
        throw new IllegalStateException("Cannot write the demo table at " + table
            + ": a Delta table the demo did not create is already there (it lacks the table property " + MARKER
            + "=true), and the demo only replaces its own table. Choose another --warehouse, or delete that table "
            + "yourself if you no longer need it.");
      }
      deleteRecursively(table);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the demo warehouse " + dir + ": " + e, e);
    }
  }

  /** True if the Delta table at {@code table} carries the demo's mark. */
  private static boolean isDemoTable(Path table) {
    try (DeltaLake lake = DeltaLake.local()) {
      return "true".equals(lake.table(table.toString()).properties().get(MARKER));
    }
  }

  /** Deletes the tree; symbolic links are removed, never followed. */
  private static void deleteRecursively(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
