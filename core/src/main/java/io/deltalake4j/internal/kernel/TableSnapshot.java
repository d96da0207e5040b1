package io.deltalake4j.internal.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.actions.Metadata;
import io.deltalake4j.Commit;
import io.deltalake4j.Protocol;
import io.deltalake4j.TableDetail;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.StructType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One pinned version of a table: its metadata, history, detail and scans. */
public final class TableSnapshot {

  private final KernelTable table;
  private final Snapshot snapshot;
  private final boolean loadedAsLatest;
  private final StructType schema;

  TableSnapshot(KernelTable table, Snapshot snapshot, boolean loadedAsLatest) {
    this.table = table;
    this.snapshot = snapshot;
    this.loadedAsLatest = loadedAsLatest;
    this.schema = Schemas.fromKernel(snapshot.getSchema(), table.location());
  }

  public KernelTable table() {
    return table;
  }

  public Snapshot kernel() {
    return snapshot;
  }

  public Engine engine() {
    return table.engine().engine();
  }

  /** True if this snapshot was loaded as the latest version rather than by version or time. */
  public boolean loadedAsLatest() {
    return loadedAsLatest;
  }

  public String location() {
    return table.location();
  }

  public long version() {
    return snapshot.getVersion();
  }

  public Instant timestamp() {
    try {
      return Instant.ofEpochMilli(snapshot.getTimestamp(engine()));
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read the timestamp of table " + location(), e);
    }
  }

  public StructType schema() {
    return schema;
  }

  public List<String> partitionColumns() {
    return List.copyOf(snapshot.getPartitionColumnNames());
  }

  public Map<String, String> properties() {
    return Map.copyOf(snapshot.getMetadata().getConfiguration());
  }

  public Protocol protocol() {
    io.delta.kernel.internal.actions.Protocol p = snapshot.getProtocol();
    return new Protocol(
        p.getMinReaderVersion(), p.getMinWriterVersion(), p.getReaderFeatures(), p.getWriterFeatures());
  }

  public TableDetail detail() {
    Metadata md = snapshot.getMetadata();
    ScanRunner.FileTotals totals = ScanRunner.totals(this);
    return new TableDetail(
        location(),
        md.getId(),
        md.getName().orElse(null),
        md.getDescription().orElse(null),
        md.getCreatedTime().map(Instant::ofEpochMilli).orElse(null),
        timestamp(),
        version(),
        totals.files(),
        totals.bytes(),
        partitionColumns(),
        properties(),
        protocol());
  }

  /** The last version {@code appId} recorded with a transaction id, as of this version. */
  public OptionalLong lastTransactionVersion(String appId) {
    try {
      Optional<Long> v = snapshot.getLatestTransactionVersion(engine(), appId);
      return v.isPresent() ? OptionalLong.of(v.get()) : OptionalLong.empty();
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read the transactions of table " + location(), e);
    }
  }

  /** The newest {@code limit} commits up to this version, newest first. */
  public List<Commit> history(int limit) {
    return HistoryReader.read(this, limit);
  }

  public ScanRunner scan(List<String> columns, Filter filter, long limit) {
    return ScanRunner.create(this, columns, filter, limit);
  }
}
