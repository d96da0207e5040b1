package io.deltalake4j.internal.storage;

import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.PurgeRefusedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Deleting a table's directory on purge, only when that directory is one Delta table's own: its
 * {@code _delta_log} lists a commit or a checkpoint, no other {@code _delta_log} lies anywhere
 * below it, and it is neither a file system root nor a shared location (a database's, the
 * warehouse's) or a parent of one. Every check runs before anything changes; the check lists each
 * directory below the location once (the delete visits them anyway) and opens no file.
 */
public final class TablePurge {
  private TablePurge() {}

  private static final String LOG_DIR = "_delta_log";


  /**
   * Checks the location, then runs {@code unregister}, then deletes the location and everything
   * under it.
   *
   * @param table the table's name, for messages ("sales.orders")
   * @param location the table's location, as the catalog gives it
   * @param shared locations that hold other tables, each with what it is ("the location of
   *     database sales"): neither they nor their parents are deleted
   * @throws PurgeRefusedException if the location is not one table's own directory; nothing changed
   * @throws DeltaIOException if the location cannot be listed (nothing changed) or deleted (the
   *     name is gone by then)
   */
  public static void run(Configuration conf, String table, String location, Map<String, String> shared,
      Runnable unregister) {
    Path path = check(conf, table, location, shared);
    unregister.run();
    try {
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException | RuntimeException e) {
      throw new DeltaIOException("Cannot delete the files of table " + table + " at " + path + ": " + e.getMessage()
          + ". The name is unregistered already; delete the directory yourself.", e);
    }
  }

  private static Path check(Configuration conf, String table, String location, Map<String, String> shared) {
    Path path = qualified(conf, table, location, location);
    if (path.isRoot() || path.depth() == 0) {
      throw refused(table, location, "is the root of its file system");
    }
    for (Map.Entry<String, String> s : shared.entrySet()) {
      Path other = qualified(conf, table, location, s.getKey());
      if (other.equals(path)) {
        throw refused(table, location, "is " + s.getValue());
      }
      if (isAncestor(path, other)) {
        throw refused(table, location, "is a parent of " + s.getValue() + " (" + s.getKey() + ")");
      }
    }
    try {
      FileSystem fs = path.getFileSystem(conf);
      requireLog(fs, table, location, path);
      requireNoOtherTable(fs, table, location, path);
    } catch (IOException e) {
      throw new DeltaIOException("Cannot purge table " + table + ": listing " + location + " failed: " + e.getMessage()
          + ". Nothing was deleted; check that the file system is reachable, then try again.", e);
    }
    return path;
  }

  private static void requireLog(FileSystem fs, String table, String location, Path path) throws IOException {
    Path log = new Path(path, LOG_DIR);
    if (!fs.exists(path)) {
      throw refused(table, location, "does not exist");
    }
    if (!fs.getFileStatus(path).isDirectory() || !fs.exists(log) || !fs.getFileStatus(log).isDirectory()) {
      throw refused(table, location, "holds no Delta table (it has no _delta_log directory)");
    }
    RemoteIterator<FileStatus> entries = fs.listStatusIterator(log);
    while (entries.hasNext()) {
      if (LogFileNames.isCommitOrCheckpoint(entries.next().getPath().getName())) {
        return;
      }
    }
    throw refused(table, location, "holds no readable Delta table (its _delta_log lists no commit or checkpoint)");
  }

  /** Walks every directory below the table's, except its own log; symbolic links are not followed. */
  private static void requireNoOtherTable(FileSystem fs, String table, String location, Path path) throws IOException {
    Deque<Path> dirs = new ArrayDeque<>();
    dirs.push(path);
    while (!dirs.isEmpty()) {
      Path dir = dirs.pop();
      RemoteIterator<FileStatus> entries = fs.listStatusIterator(dir);
      while (entries.hasNext()) {
        FileStatus entry = entries.next();
        if (!entry.isDirectory() || entry.isSymlink() || linkOnLocalDisk(fs, entry.getPath())) {
          continue;
        }
        if (entry.getPath().getName().equals(LOG_DIR)) {
          if (!dir.equals(path)) {
            throw refused(table, location, "holds another Delta table below it, at " + entry.getPath().getParent());
          }
          continue;
        }
        dirs.push(entry.getPath());
      }
    }
  }

  /**
   * Hadoop's local listing follows symbolic links and reports their targets, so a link (to
   * {@code /}, or back up the tree) is found by asking for the link itself.
   */
  private static boolean linkOnLocalDisk(FileSystem fs, Path p) throws IOException {
    return "file".equals(fs.getScheme())
        && java.nio.file.Files.isSymbolicLink(java.nio.file.Paths.get(fs.makeQualified(p).toUri()));
  }

  private static boolean isAncestor(Path ancestor, Path p) {
    for (Path up = p.getParent(); up != null; up = up.getParent()) {
      if (up.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** The location with scheme and authority, without a trailing slash; made without contacting the file system. */
  private static Path qualified(Configuration conf, String table, String location, String text) {
    try {
      Path p = new Path(text.strip());
      return p.getFileSystem(conf).makeQualified(p);
    } catch (IOException | RuntimeException e) {
      throw new PurgeRefusedException("Cannot purge table " + table + ": the location " + text + " cannot be resolved ("
          + e.getMessage() + "). Nothing was deleted and the name stays registered; check the catalog entry, or "
          + "unregister the name and delete the files yourself.", location);
    }
  }

  private static PurgeRefusedException refused(String table, String location, String reason) {
    return new PurgeRefusedException("Cannot purge table " + table + ": its location " + location + " " + reason
        + ", so deleting it could destroy other data. Nothing was deleted and the name stays registered; check the "
        + "catalog entry's location, or unregister the name and delete the table's files yourself.", location);
  }
}
