package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.expressions.Predicate;
import io.deltalake4j.CommitResult;
import io.deltalake4j.WriteMode;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.internal.filter.FilterBinder;
import io.deltalake4j.internal.kernel.KernelEngine;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.KernelPredicates;
import io.deltalake4j.internal.kernel.KernelTable;
import io.deltalake4j.internal.kernel.LogChecks;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.types.StructType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a write: decides from the mode and the table what it is (create, append, overwrite, or
 * nothing), checks the rows and the schema, writes the data files, and commits them with our
 * commit info. Appends are blind and let Kernel rebase them over concurrent commits; writes that
 * remove files validate their read set themselves ({@link Committing}).
 */
public final class TableWrites {
  private TableWrites() {}

  public static CommitResult write(KernelTable table, WriteSpec spec) {
    long start = System.nanoTime();
    if (!table.exists()) {
      try {
        return create(table, spec, start);
      } catch (CreatedMeanwhile e) {
        // Another writer created the table before this write began: it writes to that table.
      }
    }
    return switch (spec.mode()) {
      case ERROR -> throw new TableAlreadyExistsException(
          "Cannot create table at " + table.location() + ": a Delta table already exists there. "
              + "Append to it or overwrite it (mode APPEND or OVERWRITE), or choose another path.");
      case IGNORE -> skipped(table.latest().version(), CommitResult.Outcome.SKIPPED_TABLE_EXISTS, start);
      case APPEND, OVERWRITE -> update(table, spec, start);
    };
  }

  private static CommitResult create(KernelTable table, WriteSpec spec, long start) {
    if (spec.schema() == null) {
      throw new SchemaMismatchException(
          "Cannot write to " + table.location() + ": no Delta table exists there, and the write has no schema "
              + "to create one with. Give schema(...), or check the path.");
    }
    StructType schema = spec.schema();
    List<String> partitionColumns = spec.partitionColumns() == null ? List.of() : spec.partitionColumns();
    NewTables.validateNew(table.location(), schema, partitionColumns);
    KernelEngine kernel = table.engine();
    Engine engine = kernel.engine();
    CommitInfoCommitter committer = new CommitInfoCommitter();
    Transaction txn;
    try {
      txn = Transactions.create(
          table.location(), engine, Schemas.toKernel(schema), partitionColumns, spec.properties(), committer);
    } catch (TableAlreadyExistsException e) {
      throw new CreatedMeanwhile(); // before any of the input was read
    }
    WriteInput input = spec.input().apply(schema);
    try {
      if (input.hasNext()) {
        NewTables.requireNoColumnMapping(table.location(), spec.properties());
      }
    } catch (RuntimeException e) {
      input.close(); // the writer closes it from here on
      throw e;
    }
    DataFileWriter files = writer(kernel, txn, schema, partitionColumns, table.location(), spec, constraint(spec, schema));
    Committing commit = new Committing(table.location(), engine, files);
    commit.write(input, new InputShaping(new RowChecker(schema, table.location()),
        new BatchChecker(schema, table.location()), UnaryOperator.identity(), UnaryOperator.identity()), true);
    List<io.delta.kernel.data.Row> actions = new ArrayList<>(files.addActions());
    if (spec.transaction() != null) {
      actions.add(FileActions.transaction(spec.transaction().appId(), spec.transaction().version(), System.currentTimeMillis()));
    }
    committer.record(new CommitInfo(
        "CREATE TABLE",
        OperationParameters.create(partitionColumns, spec.properties()),
        OperationMetrics.written(files, Replaced.NOTHING, false),
        null,
        true,
        spec.userMetadata(),
        spec.commitProperties()));
    TransactionCommitResult committed;
    boolean[] appended = new boolean[1];
    try {
      committed = commit.commitAppend(txn, actions, () -> {
        appended[0] = true;
        return appendToWinner(table, spec, committer, files, Schemas.toKernel(schema), partitionColumns);
      });
    } catch (Committing.AlreadyCommitted e) {
      return skipped(table.latest().version(), CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED, start);
    } catch (TableAlreadyExistsException e) {
      if (spec.mode() == WriteMode.IGNORE) {
        return skipped(table.latest().version(), CommitResult.Outcome.SKIPPED_TABLE_EXISTS, start);
      }
      throw e;
    }
    maintain(kernel, committed, table.location());
    return result(committed.getVersion(), appended[0] ? "WRITE" : "CREATE TABLE", files, Replaced.NOTHING, start);
  }

  /**
   * The append that a create becomes when another writer created the table first: only for an
   * append, only onto a table of exactly the schema and partitioning the files were written for,
   * and without column mapping (the files carry logical names); null otherwise.
   */
  private static Transaction appendToWinner(
      KernelTable table, WriteSpec spec, CommitInfoCommitter committer, DataFileWriter files,
      io.delta.kernel.types.StructType schema, List<String> partitionColumns) {
    Engine engine = table.engine().engine();
    Snapshot latest = Transactions.latest(table.location(), engine, committer);
    LogChecks.requireLatestCommitReadable(engine, latest);
    if (alreadyCommitted(latest, engine, spec.transaction())) {
      throw new Committing.AlreadyCommitted();
    }
    if (spec.mode() == WriteMode.ERROR || spec.mode() == WriteMode.IGNORE) {
      throw new TableAlreadyExistsException("Cannot create table at " + table.location() + ": another writer created "
          + "it first. Append to it, or choose another path.");
    }
    boolean same = spec.mode() == WriteMode.APPEND
        && latest.getSchema().equals(schema)
        && latest.getPartitionColumnNames().equals(partitionColumns)
        && "none".equals(latest.getTableProperties().getOrDefault("delta.columnMapping.mode", "none"));
    if (!same) {
      return null;
    }
    WriteGate.requireWritable(table.location(), latest, false);
    committer.record(new CommitInfo(
        "WRITE",
        OperationParameters.write(WriteMode.APPEND, spec.partitionColumns(), null),
        OperationMetrics.written(files, Replaced.NOTHING, false),
        latest.getVersion(),
        true,
        spec.userMetadata(),
        spec.commitProperties()));
    // The create's actions record the transaction already; checked above against the winner's table.
    return Transactions.update(latest, engine, null, Transactions.APPEND_RETRIES);
  }

  private static CommitResult update(KernelTable table, WriteSpec spec, long start) {
    KernelEngine kernel = table.engine();
    Engine engine = kernel.engine();
    CommitInfoCommitter committer = new CommitInfoCommitter();
    Snapshot latest = Transactions.latest(table.location(), engine, committer);
    LogChecks.requireLatestCommitReadable(engine, latest);
    WriteGate.requireWritable(table.location(), latest, spec.mode() == WriteMode.OVERWRITE);
    if (alreadyCommitted(latest, engine, spec.transaction())) {
      return skipped(latest.getVersion(), CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED, start);
    }
    NewTables.requireNoColumnMapping(table.location(), latest.getTableProperties());
    TargetSchema target = TargetSchema.of(table.location(), latest, spec);
    io.delta.kernel.types.StructType kernelSchema = target.kernelSchema(latest);
    boolean removing = spec.mode() == WriteMode.OVERWRITE;
    int retries = removing ? 0 : Transactions.APPEND_RETRIES;
    Transaction txn;
    try {
      txn = target.changed()
          ? Transactions.updateWithSchema(latest, engine, committer, spec.transaction(), kernelSchema,
              target.newPartitioning(), retries)
          : Transactions.update(latest, engine, spec.transaction(), retries);
    } catch (ConcurrentTransactionException e) {
      return skipped(latest.getVersion(), CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED, start);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("write to table " + table.location(), e);
    }

    DataFileWriter files = writer(kernel, txn, target.schema(), target.partitionColumns(), table.location(), spec,
        constraint(spec, target.schema()));
    Committing commit = new Committing(table.location(), engine, files);
    Predicate predicate = spec.predicate() == null ? null
        : KernelPredicates.toKernel(FilterBinder.bind(spec.predicate(), target.table()), target.table());
    Replaced replaced = removing ? commit.replace(latest, predicate, spec.predicate(), kernelSchema) : Replaced.NOTHING;
    commit.write(target.input(spec), target.shaping(table.location()), true);

    List<io.delta.kernel.data.Row> actions = new ArrayList<>(files.addActions());
    actions.addAll(replaced.removes());
    committer.record(new CommitInfo(
        "WRITE",
        OperationParameters.write(spec.mode(), spec.partitionColumns(), spec.predicate()),
        OperationMetrics.written(files, replaced, removing),
        latest.getVersion(),
        !removing,
        spec.userMetadata(),
        spec.commitProperties()));
    TransactionCommitResult committed;
    try {
      committed = removing
          ? commit.commitValidated(txn, actions, replaced.readSet(), predicate, latest,
              rebuilder(table.location(), engine, committer, spec, target, kernelSchema))
          : commit.commitAppend(txn, actions);
    } catch (Committing.AlreadyCommitted e) {
      return skipped(table.latest().version(), CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED, start);
    }
    maintain(kernel, committed, table.location());
    return result(committed.getVersion(), "WRITE", files, replaced, start);
  }

  /** A create found the table created by another writer before it read any input. */
  private static final class CreatedMeanwhile extends RuntimeException {
    CreatedMeanwhile() {
      super(null, null, false, false);
    }
  }

  /** How a removing write's transaction is built again after it lost a race. */
  private static Committing.Rebuilder rebuilder(
      String location, Engine engine, CommitInfoCommitter committer, WriteSpec spec, TargetSchema target,
      io.delta.kernel.types.StructType kernelSchema) {
    return new Committing.Rebuilder() {
      @Override
      public Snapshot latest() {
        return Transactions.latest(location, engine, committer);
      }

      @Override
      public boolean alreadyCommitted(Snapshot snapshot) {
        return TableWrites.alreadyCommitted(snapshot, engine, spec.transaction());
      }

      @Override
      public Transaction rebuild(Snapshot snapshot) {
        return target.changed()
            ? Transactions.updateWithSchema(snapshot, engine, committer, spec.transaction(), kernelSchema,
                target.newPartitioning(), 0)
            : Transactions.update(snapshot, engine, spec.transaction(), 0);
      }
    };
  }

  private static void maintain(KernelEngine kernel, TransactionCommitResult committed, String location) {
    if (kernel.automaticMaintenance()) {
      PostCommitWork.afterCommit(committed, location, kernel);
    }
  }

  private static boolean alreadyCommitted(Snapshot latest, Engine engine, WriteSpec.TransactionId txn) {
    if (txn == null) {
      return false;
    }
    try {
      return latest.getLatestTransactionVersion(engine, txn.appId()).map(v -> v >= txn.version()).orElse(false);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read the transactions of table " + latest.getPath(), e);
    }
  }

  private static DataFileWriter.Constraint constraint(WriteSpec spec, StructType schema) {
    if (spec.predicate() == null) {
      return null;
    }
    Filter bound = FilterBinder.bind(spec.predicate(), schema);
    return new DataFileWriter.Constraint(KernelPredicates.toKernel(bound, schema), "'" + spec.predicate() + "'");
  }

  private static DataFileWriter writer(
      KernelEngine kernel, Transaction txn, StructType schema, List<String> partitionColumns, String location,
      WriteSpec spec, DataFileWriter.Constraint constraint) {
    return new DataFileWriter(kernel, spec.targetFileSize(), txn, schema, partitionColumns, location, constraint);
  }

  private static CommitResult skipped(long version, CommitResult.Outcome outcome, long start) {
    return new CommitResult(version, "", outcome, 0, 0, 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
  }

  private static CommitResult result(long version, String operation, DataFileWriter files, Replaced replaced, long start) {
    return new CommitResult(version, operation, CommitResult.Outcome.COMMITTED, files.files(), replaced.removes().size(),
        files.rows(), replaced.rowsCopied(), files.bytes(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * What an overwrite takes out of the table.
   *
   * @param rewritten whether files were rewritten (copy-on-write) rather than removed whole
   */
  record Replaced(
      ReadSet readSet, List<io.delta.kernel.data.Row> removes, long removedBytes, long rowsCopied, long rowsDeleted,
      boolean rewritten) {
    static final Replaced NOTHING = new Replaced(null, List.of(), 0, 0, 0, false);
  }
}
