package io.deltalake4j.cli;

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
 * removed, and only that: a directory that is not a Delta table is never deleted.
 */
final class DemoWarehouse {

  static final String TABLE_NAME = "sales_transactions";

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
      deleteRecursively(table);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the demo warehouse " + dir + ": " + e, e);
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
