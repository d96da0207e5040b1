package io.deltalake4j.internal.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.exceptions.VersionNotFoundException;
import java.io.IOException;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
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
    return new KernelTable(engine, engine.qualify(pathOrUri));
  }

  public String location() {
    return location;
  }

  KernelEngine engine() {
    return engine;
  }

  /** True if a Delta log exists at the location. */
  public boolean exists() {
    return pathExists(location + "/_delta_log");
  }

  private void requireExists() {
    if (!pathExists(location)) {
      throw new TableNotFoundException(
          "Cannot open table at " + location + ": the path does not exist. "
              + "Check the path, or create the table first.");
    }
    if (!exists()) {
      throw new TableNotFoundException(
          "Cannot open table at " + location + ": it is not a Delta table (it has no _delta_log "
              + "directory). Point at the table's root directory.");
    }
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

  public TableSnapshot latest() {
    return new TableSnapshot(this, load(null, null), true);
  }

  public TableSnapshot atVersion(long version) {
    if (version < 0) {
      throw new VersionNotFoundException(
          "Cannot load version " + version + " of table " + location + ": versions start at 0.");
    }
    Snapshot latest = load(null, null);
    if (version > latest.getVersion()) {
      throw new VersionNotFoundException(
          "Cannot load version " + version + " of table " + location + ": the latest version is "
              + latest.getVersion() + ".");
    }
    if (version == latest.getVersion()) {
      return new TableSnapshot(this, latest, false);
    }
    return new TableSnapshot(this, load(version, null), false);
  }

  public TableSnapshot atTimestamp(Instant timestamp) {
    return new TableSnapshot(this, load(null, timestamp), false);
  }

  private Snapshot load(Long version, Instant timestamp) {
    try {
      if (version != null) {
        return TableManager.loadSnapshot(location).atVersion(version).build(engine.engine());
      }
      Snapshot latest = TableManager.loadSnapshot(location).build(engine.engine());
      if (timestamp == null) {
        return latest;
      }
      return TableManager.loadSnapshot(location)
          .atTimestamp(timestamp.toEpochMilli(), latest)
          .build(engine.engine());
    } catch (io.delta.kernel.exceptions.KernelException e) {
      if (version != null || timestamp != null) {
        String at = version != null ? "version " + version : "timestamp " + timestamp;
        if (!(e instanceof io.delta.kernel.exceptions.TableNotFoundException)
            && !(e instanceof io.delta.kernel.exceptions.UnsupportedTableFeatureException)
            && !(e instanceof io.delta.kernel.exceptions.UnsupportedProtocolVersionException)) {
          throw new VersionNotFoundException(
              "Cannot load " + at + " of table " + location + ": " + e.getMessage(), e);
        }
      }
      throw KernelErrors.translate("read table " + location, e);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
  }
}
