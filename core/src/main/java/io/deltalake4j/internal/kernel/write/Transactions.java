package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.commit.Committer;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.TransactionImpl;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.SetTransaction;
import io.delta.kernel.internal.tablefeatures.TableFeatures;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.transaction.UpdateTableTransactionBuilder;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.StringType;
import io.deltalake4j.internal.Version;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.ValueVector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kernel transactions of our writes. Creates and plain updates use Kernel's public builders.
 * An update that changes the schema of a table without column mapping has no public route in
 * Kernel 4.4 ({@code withUpdatedSchema} requires column mapping), so it goes through Kernel's
 * internal {@code TransactionImpl} constructor with a new {@code Metadata} that keeps the table's
 * id and properties, as Spark's mergeSchema and overwriteSchema do, after Kernel's own check that it
 * can write the table (which only its builders make); {@code TestSchemaEvolution} fails if an
 * upgrade changes that constructor.
 */
final class Transactions {
  private Transactions() {}

  /** What we tell Kernel we are; our commit info records {@link CommitInfo#ENGINE_INFO} instead of Kernel's. */
  static String engineInfo() {
    return "deltalake4j/" + Version.VERSION;
  }

  /** Kernel's retry limit for blind appends (its default is 200). */
  static final int APPEND_RETRIES = 200;

  static Transaction create(
      String location,
      Engine engine,
      io.delta.kernel.types.StructType schema,
      List<String> partitionColumns,
      Map<String, String> properties,
      Committer committer) {
    try {
      List<Column> partitions = partitionColumns.stream().map(Column::new).toList();
      return TableManager.buildCreateTableTransaction(location, schema, engineInfo())
          .withDataLayoutSpec(partitions.isEmpty() ? DataLayoutSpec.noDataLayout() : DataLayoutSpec.partitioned(partitions))
          .withTableProperties(properties)
          .withCommitter(committer)
          .build(engine);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("create table at " + location, e);
    }
  }

  /** The latest snapshot, whose transactions commit through {@code committer} (Kernel's own if null). */
  static Snapshot latest(String location, Engine engine, Committer committer) {
    try {
      SnapshotBuilder builder = TableManager.loadSnapshot(location);
      return (committer == null ? builder : builder.withCommitter(committer)).build(engine);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
  }

  /**
   * An update of {@code snapshot}, recording {@code txn} if given. Kernel throws
   * {@code ConcurrentTransactionException} here if the table already records that transaction.
   *
   * @param maxRetries 0 for writes that remove files, which validate conflicts themselves
   */
  static Transaction update(Snapshot snapshot, Engine engine, WriteSpec.TransactionId txn, int maxRetries) {
    UpdateTableTransactionBuilder builder =
        snapshot.buildUpdateTableTransaction(engineInfo(), Operation.WRITE).withMaxRetries(maxRetries);
    if (txn != null) {
      builder = builder.withTransactionId(txn.appId(), txn.version());
    }
    return builder.build(engine);
  }

  /**
   * An update of {@code snapshot} that also commits a new schema (and, if given, partitioning),
   * keeping the table's id, name, description, format, creation time and properties.
   *
   * @param partitionColumns the new partition columns, or null to keep the table's
   */
  static Transaction updateWithSchema(
      Snapshot snapshot,
      Engine engine,
      Committer committer,
      WriteSpec.TransactionId txn,
      io.delta.kernel.types.StructType schema,
      List<String> partitionColumns,
      int maxRetries) {
    SnapshotImpl s = (SnapshotImpl) snapshot;
    Metadata old = s.getMetadata();
    Metadata metadata = partitionColumns == null
        ? old.withNewSchema(schema)
        : new Metadata(
            old.getId(), old.getName(), old.getDescription(), old.getFormat(), schema.toJson(), schema,
            new ValueVector(new ArrayType(StringType.STRING, false), List.of(partitionColumns)).getArray(0),
            old.getCreatedTime(), old.getConfigurationMapValue());
    Optional<SetTransaction> setTxn = txn == null
        ? Optional.empty()
        : Optional.of(new SetTransaction(txn.appId(), txn.version(), Optional.of(System.currentTimeMillis())));
    // Kernel's builders check that it can write the table; its constructor does not.
    TableFeatures.validateKernelCanWriteToTable(s.getProtocol(), old, s.getDataPath().toString());
    TableFeatures.validateKernelCanWriteToTable(s.getProtocol(), metadata, s.getDataPath().toString());
    return new TransactionImpl(
        false /* not a create or replace */, s.getDataPath(), Optional.of(s), engineInfo(), Operation.WRITE,
        Optional.empty() /* same protocol */, Optional.of(metadata), committer, setTxn,
        Optional.empty() /* no clustering */, Optional.of(maxRetries), 0 /* no log compaction */,
        System::currentTimeMillis);
  }
}
