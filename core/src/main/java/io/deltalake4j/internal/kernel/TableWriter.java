package io.deltalake4j.internal.kernel;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.deltalake4j.CommitResult;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.CommitConflictException;
import io.deltalake4j.exceptions.CommitStateUnknownException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.internal.Version;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.internal.rows.Rows;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows as Parquet files, split by partition values, and commits them in one transaction;
 * then runs the post-commit work (checkpoint at the table's interval, checksum). If anything fails
 * before the commit, the files written so far are deleted and the table is unchanged.
 */
public final class TableWriter {

  private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

  private static final String COLUMN_MAPPING_MODE = "delta.columnMapping.mode";

  /** Rows held in memory across all partitions before the largest partition is written out. */
  static final int MAX_BUFFERED_ROWS = 500_000;

  private final KernelTable table;
  private final Engine engine;
  private final Transaction txn;
  private final io.delta.kernel.data.Row txnState;
  private final StructType schema;
  private final io.delta.kernel.types.StructType kernelSchema;
  private final List<String> partitionColumns;
  private final int[] partitionIndexes;
  private final String operation;
  private final long startNanos = System.nanoTime();

  private final List<io.delta.kernel.data.Row> actions = new ArrayList<>();
  private final List<String> writtenFiles = new ArrayList<>();
  private long rows;
  private long bytes;

  private TableWriter(KernelTable table, Transaction txn, StructType schema, List<String> partitionColumns, String operation) {
    this.table = table;
    this.engine = table.engine().engine();
    this.txn = txn;
    this.txnState = txn.getTransactionState(engine);
    this.schema = schema;
    this.kernelSchema = txn.getSchema(engine);
    this.partitionColumns = partitionColumns;
    this.partitionIndexes = partitionColumns.stream().mapToInt(schema::indexOf).toArray();
    this.operation = operation;
  }

  public static String engineInfo() {
    return "deltalake4j/" + Version.VERSION;
  }

  /** Creates a table, with rows if any; fails if a table exists there. */
  public static CommitResult create(
      KernelTable table, StructType schema, List<String> partitionColumns, Map<String, String> properties, Iterator<Row> rows) {
    validateNewTable(table, schema, partitionColumns);
    if (rows.hasNext()) {
      requireNoColumnMapping(table, properties);
    }
    Transaction txn;
    try {
      List<Column> partitions = partitionColumns.stream().map(Column::new).toList();
      txn =
          TableManager.buildCreateTableTransaction(table.location(), Schemas.toKernel(schema), engineInfo())
              .withDataLayoutSpec(partitions.isEmpty() ? DataLayoutSpec.noDataLayout() : DataLayoutSpec.partitioned(partitions))
              .withTableProperties(properties)
              .build(table.engine().engine());
    } catch (RuntimeException e) {
      throw KernelErrors.translate("create table at " + table.location(), e);
    }
    return new TableWriter(table, txn, schema, partitionColumns, "CREATE TABLE").writeAndCommit(rows);
  }

  /** Appends rows to the latest version of the table. */
  public static CommitResult append(TableSnapshot latest, Iterator<Row> rows) {
    KernelTable table = latest.table();
    requireNoColumnMapping(table, latest.properties());
    Transaction txn;
    try {
      Snapshot snapshot = latest.kernel();
      txn = snapshot.buildUpdateTableTransaction(engineInfo(), Operation.WRITE).build(table.engine().engine());
    } catch (RuntimeException e) {
      throw KernelErrors.translate("append to table " + table.location(), e);
    }
    return new TableWriter(table, txn, latest.schema(), latest.partitionColumns(), "WRITE").writeAndCommit(rows);
  }

  /** Kernel 4.4 refuses data writes into column-mapped tables; say so before anything is written. */
  private static void requireNoColumnMapping(KernelTable table, Map<String, String> properties) {
    String mode = properties.getOrDefault(COLUMN_MAPPING_MODE, "none");
    if (!mode.equals("none")) {
      throw new UnsupportedFeatureException(
          "Cannot write rows to table " + table.location() + ": it uses column mapping (mode '" + mode + "'), and "
              + "Delta Kernel 4.4 cannot write data into column-mapped tables yet. Write with Spark, or only read.");
    }
  }

  private static void validateNewTable(KernelTable table, StructType schema, List<String> partitionColumns) {
    String what = "Cannot create table at " + table.location() + ": ";
    if (schema.size() == 0) {
      throw new SchemaMismatchException(what + "the schema has no columns. Give it at least one.");
    }
    for (String p : partitionColumns) {
      int i = schema.indexOf(p);
      if (i < 0) {
        throw new SchemaMismatchException(
            what + "partition column '" + p + "' is not in the schema " + schema.fieldNames() + ".");
      }
      DataType t = schema.field(i).type();
      if (!(t instanceof PrimitiveType) && !(t instanceof io.deltalake4j.types.DecimalType)
          || t == PrimitiveType.BINARY || t == PrimitiveType.VARIANT) {
        throw new SchemaMismatchException(
            what + "partition column '" + p + "' has type " + t.sql() + "; partition by a column of a primitive type.");
      }
    }
    if (partitionColumns.size() == schema.size()) {
      throw new SchemaMismatchException(
          what + "every column is a partition column. Leave at least one data column.");
    }
    if (partitionColumns.stream().distinct().count() != partitionColumns.size()) {
      throw new SchemaMismatchException(what + "a partition column is named twice: " + partitionColumns + ".");
    }
  }

  private CommitResult writeAndCommit(Iterator<Row> input) {
    try {
      writeAll(input);
    } catch (RuntimeException e) {
      deleteWrittenFiles(e);
      throw e;
    }
    TransactionCommitResult result = commit();
    runPostCommitHooks(result);
    return new CommitResult(
        result.getVersion(), operation, writtenFiles.size(), rows, bytes, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * Commits the add actions. The written files are removed only when the commit certainly did not
   * land (Kernel refused it before writing the log, or lost the race to other writers); when the
   * outcome is unknown they stay, because a landed commit needs them.
   */
  private TransactionCommitResult commit() {
    String what = "commit to table " + table.location();
    try {
      return txn.commit(engine, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())));
    } catch (ConcurrentWriteException | MaxCommitRetryLimitReachedException e) {
      CommitConflictException conflict = new CommitConflictException(
          "Cannot " + what + ": another writer committed first and the conflict cannot be resolved ("
              + e.getMessage() + "). Nothing was committed; retry on the latest version.", e);
      deleteWrittenFiles(conflict);
      throw conflict;
    } catch (KernelException e) {
      DeltaException refused = KernelErrors.translate(what, e);
      deleteWrittenFiles(refused);
      throw refused;
    } catch (RuntimeException e) {
      throw new CommitStateUnknownException(
          "Cannot tell whether the " + what + " landed: " + KernelErrors.rootMessage(e)
              + ". Check the table's history before writing again; the " + writtenFiles.size()
              + " data files written are kept in case it did.", e);
    }
  }

  private void writeAll(Iterator<Row> input) {
    Map<List<Object>, List<Row>> buffers = new HashMap<>();
    int buffered = 0;
    while (input.hasNext()) {
      Row row = checked(input.next());
      List<Object> key = partitionKey(row);
      buffers.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      if (++buffered >= MAX_BUFFERED_ROWS) {
        List<Object> largest =
            buffers.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).get().getKey();
        buffered -= buffers.get(largest).size();
        writePartition(largest, buffers.remove(largest));
      }
    }
    for (Map.Entry<List<Object>, List<Row>> e : buffers.entrySet()) {
      writePartition(e.getKey(), e.getValue());
    }
  }

  /** Checks a row against the table schema: same column names and types, no null in a NOT NULL column. */
  private Row checked(Row row) {
    if (row == null) {
      throw new SchemaMismatchException("Cannot write to table " + table.location() + ": a row is null.");
    }
    StructType rs = row.schema();
    if (rs != schema && !sameColumns(rs, schema)) {
      throw new SchemaMismatchException(
          "Cannot write to table " + table.location() + ": the row's columns " + describe(rs)
              + " do not match the table's " + describe(schema)
              + ". Build rows with the table's schema (DeltaTable.schema()).");
    }
    if (!(row instanceof ArrayRow)) {
      // A Row implemented outside the library: check its values as the row builder would.
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      row = Rows.of(schema, values);
    }
    for (int i = 0; i < schema.size(); i++) {
      if (!schema.field(i).nullable() && row.get(i) == null) {
        throw new SchemaMismatchException(
            "Cannot write null into column '" + schema.field(i).name() + "' of table " + table.location()
                + ": the column is NOT NULL.");
      }
    }
    return row;
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.field(i).name().equals(b.field(i).name()) || !sameType(a.field(i).type(), b.field(i).type())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameType(DataType a, DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return sameColumns(sa, sb);
    }
    if (a instanceof io.deltalake4j.types.ArrayType aa && b instanceof io.deltalake4j.types.ArrayType ab) {
      return sameType(aa.elementType(), ab.elementType());
    }
    if (a instanceof io.deltalake4j.types.MapType ma && b instanceof io.deltalake4j.types.MapType mb) {
      return sameType(ma.keyType(), mb.keyType()) && sameType(ma.valueType(), mb.valueType());
    }
    return a.equals(b);
  }

  private static String describe(StructType s) {
    return s.fields().stream().map(f -> f.name() + " " + f.type().sql()).toList().toString();
  }

  /** The row's partition values; an empty string is stored as null, as Spark stores it. */
  private List<Object> partitionKey(Row row) {
    List<Object> key = new ArrayList<>(partitionIndexes.length);
    for (int i : partitionIndexes) {
      Object v = row.get(i);
      key.add("".equals(v) ? null : v);
    }
    return key;
  }

  private void writePartition(List<Object> key, List<Row> partitionRows) {
    Map<String, Literal> partitionValues = new HashMap<>();
    for (int i = 0; i < partitionIndexes.length; i++) {
      StructField f = schema.field(partitionIndexes[i]);
      partitionValues.put(f.name(), KernelPredicates.literal(key.get(i), f.type()));
    }
    try {
      RowBatch batch = RowBatch.of(kernelSchema, partitionRows);
      CloseableIterator<FilteredColumnarBatch> physical =
          Transaction.transformLogicalData(
              engine, txnState, Utils.singletonCloseableIterator(new FilteredColumnarBatch(batch, java.util.Optional.empty())),
              partitionValues);
      DataWriteContext ctx = Transaction.getWriteContext(engine, txnState, partitionValues);
      CloseableIterator<DataFileStatus> files =
          engine.getParquetHandler()
              .writeParquetFiles(ctx.getTargetDirectory(), physical, ctx.getStatisticsColumns())
              .map(this::recordFile);
      try (CloseableIterator<io.delta.kernel.data.Row> added = Transaction.generateAppendActions(engine, txnState, files, ctx)) {
        added.forEachRemaining(actions::add);
      }
      rows += partitionRows.size();
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("write data files to table " + table.location(), e);
    }
  }

  private DataFileStatus recordFile(DataFileStatus file) {
    writtenFiles.add(file.getPath());
    bytes += file.getSize();
    return file;
  }

  private void runPostCommitHooks(TransactionCommitResult result) {
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        hook.threadSafeInvoke(engine);
      } catch (IOException | RuntimeException e) {
        // The commit stands; a missing checkpoint or checksum only slows later readers down.
        LOG.warn("Post-commit {} for version {} of {} failed: {}", hook.getType(), result.getVersion(), table.location(), e.toString());
      }
    }
  }

  private void deleteWrittenFiles(RuntimeException cause) {
    for (String file : writtenFiles) {
      try {
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(table.engine().conf());
        fs.delete(p, false);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
