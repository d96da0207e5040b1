package io.deltalake4j;

import io.deltalake4j.internal.kernel.TableSnapshot;
import io.deltalake4j.internal.kernel.write.PostCommitWork;
import io.deltalake4j.types.StructType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A Delta table pinned at one version. Immutable and thread-safe: {@link #asOfVersion},
 * {@link #asOfTimestamp} and {@link #refresh()} return new handles, and every scan of this handle
 * reads the pinned version unless the scan asks for another.
 *
 * <p>A handle stays usable while its {@link DeltaLake} is open.
 */
public final class DeltaTable {

  private final DeltaLake lake;
  private final TableSnapshot snapshot;

  DeltaTable(DeltaLake lake, TableSnapshot snapshot) {
    this.lake = lake;
    this.snapshot = snapshot;
  }

  TableSnapshot snapshot() {
    lake.checkOpen();
    return snapshot;
  }

  /** The fully qualified location, e.g. {@code hdfs://nn:9000/lakehouse/sales} or {@code file:/tmp/sales}. */
  public String location() {
    return snapshot.location();
  }

  /** The pinned version. */
  public long version() {
    return snapshot.version();
  }

  /** When the pinned version was committed. */
  public Instant timestamp() {
    return snapshot().timestamp();
  }

  public StructType schema() {
    return snapshot.schema();
  }

  public List<String> partitionColumns() {
    return snapshot.partitionColumns();
  }

  /** The table properties ({@code delta.*} settings and user properties). */
  public Map<String, String> properties() {
    return snapshot.properties();
  }

  public Protocol protocol() {
    return snapshot.protocol();
  }

  /** The table at this version. */
  public DeltaTable asOfVersion(long version) {
    return new DeltaTable(lake, snapshot().table().atVersion(version));
  }

  /** The table at the latest version committed at or before this instant. */
  public DeltaTable asOfTimestamp(Instant timestamp) {
    Objects.requireNonNull(timestamp, "timestamp");
    return new DeltaTable(lake, snapshot().table().atTimestamp(timestamp));
  }

  /** The table at its latest version now. */
  public DeltaTable refresh() {
    return new DeltaTable(lake, snapshot().table().latest());
  }

  /** A scan of the pinned version: all columns, all rows, until refined. */
  public Scan scan() {
    return new Scan(this);
  }

  /**
   * Every commit up to the pinned version whose log file is still there, newest first, as Spark's
   * DESCRIBE HISTORY lists them. Reads one log file per commit; use {@link #history(int)} to read
   * only the newest.
   */
  public List<Commit> history() {
    return snapshot().history(Integer.MAX_VALUE);
  }

  /**
   * The newest {@code limit} commits up to the pinned version, newest first. Reads only those
   * commits' log files.
   */
  public List<Commit> history(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Invalid history limit: " + limit + ". Use 1 or more.");
    }
    return snapshot().history(limit);
  }

  /**
   * Files, size, partitioning, properties and protocol of the pinned version.
   *
   * @throws io.deltalake4j.exceptions.CorruptFileException if the version's checksum file ({@code
   *     _delta_log/N.crc}) records another number or total size of files than the log lists
   */
  public TableDetail detail() {
    return snapshot().detail();
  }

  /** An append to the table's latest version (not the pinned one). */
  public Append append() {
    return new Append(lake, this);
  }

  /** An overwrite of the table's latest version: all its data, or what {@link Overwrite#where} covers. */
  public Overwrite overwrite() {
    return new Overwrite(lake, this);
  }

  /**
   * The last version {@code appId} committed to this table with {@link WriteBuilder#transaction},
   * as of the pinned version; empty if it never did. A restarted writer resumes after it.
   */
  public OptionalLong lastTransactionVersion(String appId) {
    Objects.requireNonNull(appId, "appId");
    return snapshot().lastTransactionVersion(appId);
  }

  /**
   * Writes a checkpoint of the table's latest version, so readers replay less of the log, and
   * deletes log files older than {@code delta.logRetentionDuration} that it makes unnecessary.
   * Writes do this by themselves every {@code delta.checkpointInterval} commits unless the lake's
   * maintenance is {@link Maintenance#MANUAL}.
   *
   * @return the version checkpointed
   */
  public long checkpoint() {
    return PostCommitWork.checkpoint(location(), lake.engine());
  }

  @Override
  public String toString() {
    return "DeltaTable{" + location() + " @ v" + version() + "}";
  }
}
