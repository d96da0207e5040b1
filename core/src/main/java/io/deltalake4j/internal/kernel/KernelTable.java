package io.deltalake4j.internal.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.exceptions.InvalidTableException;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.UnsupportedProtocolVersionException;
import io.delta.kernel.exceptions.UnsupportedTableFeatureException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.exceptions.VersionNotFoundException;
import java.io.IOException;
import java.time.Instant;
import io.deltalake4j.internal.storage.LogFileNames;
import java.io.FileNotFoundException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.Path;

/** A table location on one engine; loads its snapshots. */
public final class KernelTable {

  private final KernelEngine engine;
  private final String location;

  private KernelTable(KernelEngine engine, String location) {
    this.engine = engine;
    this.location = location;
  }

  /** The table at a path or URI, which must exist and be a Delta table. */
  public static KernelTable open(KernelEngine engine, String pathOrUri) {
    KernelTable table = at(engine, pathOrUri);
    table.requireExists();
    return table;
  }

  /** The location, whether or not a table exists there yet. */
  public static KernelTable at(KernelEngine engine, String pathOrUri) {
    KernelTable table = new KernelTable(engine, engine.qualify(pathOrUri));
    table.warnIfUnsafeForConcurrentWriters();
    return table;
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KernelTable.class);
  private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * S3 has no atomic put-if-absent through Hadoop: Delta's default log store for it keeps two
   * writers from overwriting each other's commits only within one JVM. Said once per scheme, unless
   * the configuration names a log store for it.
   */
  private void warnIfUnsafeForConcurrentWriters() {
    String scheme = new Path(location).toUri().getScheme();
    if (scheme != null && scheme.matches("s3[an]?")
        && engine.conf().get("io.delta.kernel.logStore." + scheme + ".impl") == null && WARNED.add(scheme)) {
      LOG.warn("Tables on {}:// are safe for concurrent writers only within this JVM: S3 has no atomic "
          + "put-if-absent through Hadoop, so writers in other processes or engines can overwrite each other's "
          + "commits. Write from one process, or configure io.delta.kernel.logStore.{}.impl with a log store "
          + "that coordinates writers.", scheme, scheme);
    }
  }

  public String location() {
    return location;
  }

  public KernelEngine engine() {
    return engine;
  }

  /**
   * True if a Delta table exists at the location: its {@code _delta_log} lists a commit or a
   * checkpoint, as Spark decides. An empty or stray {@code _delta_log} directory is not a table,
   * so a create or an append may make one there.
   */
  public boolean exists() {
    Path log = new Path(location, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(engine.conf());
      if ("file".equals(fs.getScheme())) {
        // By name only: Hadoop's local listing reads the attributes of every file of a long log.
        try (java.nio.file.DirectoryStream<java.nio.file.Path> names =
            java.nio.file.Files.newDirectoryStream(java.nio.file.Paths.get(fs.makeQualified(log).toUri()))) {
          for (java.nio.file.Path p : names) {
            if (LogFileNames.isCommitOrCheckpoint(p.getFileName().toString())) {
              return true;
            }
          }
          return false;
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
          return false;
        }
      }
      RemoteIterator<FileStatus> entries = fs.listStatusIterator(log);
      while (entries.hasNext()) {
        if (LogFileNames.isCommitOrCheckpoint(entries.next().getPath().getName())) {
          return true;
        }
      }
      return false;
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      throw new DeltaIOException(
          "Cannot open table at " + location + ": cannot list its _delta_log: " + KernelErrors.rootMessage(e), e);
    }
  }

  /** True if anything exists at the location, a table or not. */
  public boolean locationExists() {
    return pathExists(location);
  }

  /** Deletes the location and everything under it. */
  public void deleteLocation() {
    Path path = new Path(location);
    try {
      path.getFileSystem(engine.conf()).delete(path, true);
    } catch (IOException | RuntimeException e) {
      throw new DeltaIOException("Cannot remove " + location + ": " + KernelErrors.rootMessage(e), e);
    }
  }

  private void requireExists() {
    if (exists()) {
      return; // one listing; the path is looked at only to say why it is not a table
    }
    if (!pathExists(location)) {
      throw new TableNotFoundException(
          "Cannot open table at " + location + ": the path does not exist. "
              + "Check the path, or create the table first.");
    }
    throw new TableNotFoundException(
        "Cannot open table at " + location + ": it is not a Delta table (it has no _delta_log "
            + "directory with a commit or checkpoint). Point at the table's root directory.");
  }

  private boolean pathExists(String p) {
    Path path = new Path(p);
    try {
      FileSystem fs = path.getFileSystem(engine.conf());
      return fs.exists(path);
    } catch (IOException | RuntimeException e) {
      throw new DeltaIOException(
          "Cannot open table at " + location + ": " + KernelErrors.rootMessage(e), e);
    }
  }

  public TableSnapshot atVersion(long version) {
    if (version < 0) {
      throw new VersionNotFoundException(
          "Cannot load version " + version + " of table " + location + ": versions start at 0.");
    }
    try {
      return new TableSnapshot(this, TableManager.loadSnapshot(location).atVersion(version).build(engine.engine()), false);
    } catch (KernelException e) {
      throw outOfRangeOrTranslated("version " + version, version, e);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
  }

  public TableSnapshot atTimestamp(Instant timestamp) {
    Snapshot latest = loadLatest();
    try {
      return new TableSnapshot(
          this,
          TableManager.loadSnapshot(location).atTimestamp(timestamp.toEpochMilli(), latest).build(engine.engine()),
          false);
    } catch (KernelException e) {
      throw outOfRangeOrTranslated("timestamp " + timestamp, -1, e);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
  }

  public TableSnapshot latest() {
    return new TableSnapshot(this, loadLatest(), true);
  }

  private Snapshot loadLatest() {
    try {
      return TableManager.loadSnapshot(location).build(engine.engine());
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
  }

  /**
   * A failed load of a version or time: out of range unless the table itself is missing, invalid or
   * unsupported. The message names the latest version (loaded only now, on the failure path).
   *
   * @param version the version asked for, or -1 for a timestamp
   */
  private DeltaException outOfRangeOrTranslated(String at, long version, KernelException e) {
    if (e instanceof io.delta.kernel.exceptions.TableNotFoundException
        || e instanceof InvalidTableException
        || e instanceof UnsupportedTableFeatureException
        || e instanceof UnsupportedProtocolVersionException) {
      return KernelErrors.translate("read table " + location, e);
    }
    long latest = loadLatest().getVersion();
    String reason = version > latest
        ? "the latest version is " + latest
        : e.getMessage() + " (the latest version is " + latest + ")";
    return new VersionNotFoundException(
        "Cannot load " + at + " of table " + location + ": " + reason + ". Use a version or time within the table's history.", e);
  }
}
