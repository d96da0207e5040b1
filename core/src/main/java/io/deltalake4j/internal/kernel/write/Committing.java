package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.commit.CommitFailedException;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.exceptions.MetadataChangedException;
import io.delta.kernel.exceptions.ProtocolChangedException;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterable;
import io.deltalake4j.exceptions.CommitConflictException;
import io.deltalake4j.exceptions.CommitStateUnknownException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.internal.storage.FileNotPublishedException;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.internal.filter.FilterBinder;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One write's data files and commit: writes the rows, plans what an overwrite removes, and
 * commits. Any failure before the commit, or a commit that certainly did not land, removes the
 * files written; a commit whose outcome is unknown keeps them.
 */
final class Committing {

  /** How many times an overwrite re-validates and retries after losing a race. */
  static final int MAX_ATTEMPTS = 10;

  private final String location;
  private final Engine engine;
  private final DataFileWriter files;

  Committing(String location, Engine engine, DataFileWriter files) {
    this.location = location;
    this.engine = engine;
    this.files = files;
  }

  /** A removing write's transaction, and the latest snapshot it would be rebuilt on. */
  interface Rebuilder {
    /** The table's latest snapshot, loaded so that its transactions commit with our commit info. */
    Snapshot latest();

    /** True if {@code snapshot} already records this write's transaction id (a concurrent duplicate won). */
    boolean alreadyCommitted(Snapshot snapshot);

    /** The write's transaction again, on {@code snapshot} (one {@link #latest()} returned). */
    Transaction rebuild(Snapshot snapshot);
  }

  /** The write's transaction was committed already (by a concurrent run); nothing was committed now. */
  static final class AlreadyCommitted extends RuntimeException {
    AlreadyCommitted() {
      super(null, null, false, false);
    }
  }

  /** Checks, projects and writes the rows. */
  /** Writes what the write was given, shaped into the table's schema. */
  void write(WriteInput input, InputShaping shaping, boolean constrained) {
    guarded(() -> files.write(input, shaping, constrained));
  }

  /**
   * Plans an overwrite of what {@code predicate} covers in {@code latest} (everything if null):
   * whole files when the predicate names partition columns only, else copy-on-write of the files
   * holding covered rows, whose other rows are written again now, into files of the schema the
   * write commits ({@code kernelSchema}).
   */
  TableWrites.Replaced replace(
      Snapshot latest, Predicate predicate, Filter filter, io.delta.kernel.types.StructType kernelSchema) {
    List<io.delta.kernel.data.Row> removes = new ArrayList<>();
    long[] totals = new long[3]; // removed bytes, rows copied, rows deleted
    ReadSet read = ReadSet.of(latest, engine, predicate);
    long now = System.currentTimeMillis();
    boolean wholeFiles = predicate == null
        || latest.getPartitionColumnNames().containsAll(FilterBinder.topLevelColumns(filter));
    if (wholeFiles) {
      for (io.delta.kernel.data.Row f : read.files()) {
        removes.add(FileActions.remove(f, now));
        totals[0] += FileActions.size(f);
      }
      return new TableWrites.Replaced(read, removes, totals[0], 0, 0, false);
    }
    guarded(() -> {
      FileRewriter rewriter = new FileRewriter(latest, engine, kernelSchema, predicate);
      for (io.delta.kernel.data.Row f : read.files()) {
        FileRewriter.Rewrite rewrite = rewriter.rewrite(f, files);
        if (rewrite.covered() == 0) {
          continue;
        }
        removes.add(FileActions.remove(f, now));
        totals[0] += FileActions.size(f);
        totals[1] += rewrite.kept();
        totals[2] += rewrite.covered();
      }
    });
    return new TableWrites.Replaced(read, removes, totals[0], totals[1], totals[2], true);
  }

  /**
   * How a create goes on after another writer created the table first: as an append to the
   * winner's table (a transaction of it), or not at all (null: the tables differ).
   */
  interface LostCreate {
    /**
     * @throws AlreadyCommitted if the winner's table records this write's transaction already
     */
    Transaction asAppend();
  }

  /** Commits a blind append; Kernel rebases it over concurrent commits. */
  TransactionCommitResult commitAppend(Transaction txn, List<io.delta.kernel.data.Row> actions) {
    return commitAppend(txn, actions, null);
  }

  /**
   * Commits a create, or a blind append when {@code lost} is null. A create that finds the table
   * created meanwhile commits its files as an append to it when {@code lost} allows, as Spark's
   * writers do when they race to create a table.
   */
  TransactionCommitResult commitAppend(Transaction txn, List<io.delta.kernel.data.Row> actions, LostCreate lost) {
    try {
      return txn.commit(engine, iterable(actions));
    } catch (MaxCommitRetryLimitReachedException e) {
      // Kernel retries only conflicts (CommitInfoCommitter stops it on storage errors): if the last
      // attempt lost a race too, no attempt landed.
      throw lostRace(e) ? conflict("other writers kept committing first (" + Transactions.APPEND_RETRIES
          + " attempts)", e) : stateUnknown(e);
    } catch (ConcurrentTransactionException e) {
      throw duplicate(e);
    } catch (ProtocolChangedException | MetadataChangedException e) {
      if (lost == null) {
        throw failed(e);
      }
      return commitAppend(afterLostCreate(lost, e), actions, null);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  private Transaction afterLostCreate(LostCreate lost, RuntimeException race) {
    Transaction append;
    try {
      append = lost.asAppend();
    } catch (AlreadyCommitted e) {
      throw duplicate(e);
    } catch (RuntimeException e) {
      files.deleteWrittenFiles(e);
      throw e;
    }
    if (append == null) {
      throw conflict("another writer created the table first, and this write replaces data or its table differs "
          + "in schema, partitioning or column mapping", race);
    }
    return append;
  }

  /**
   * Commits a write that removes files, with read-set validation: after losing a race it looks at
   * the new latest version, and retries there only if the table's metadata and the files the write
   * read are unchanged; otherwise it fails with {@link CommitConflictException}.
   */
  TransactionCommitResult commitValidated(
      Transaction txn, List<io.delta.kernel.data.Row> actions, ReadSet read, Predicate predicate, Snapshot readSnapshot,
      Rebuilder rebuilder) {
    Transaction current = txn;
    for (int attempt = 1; ; attempt++) {
      try {
        return current.commit(engine, iterable(actions));
      } catch (MaxCommitRetryLimitReachedException e) {
        if (!lostRace(e)) {
          throw stateUnknown(e);
        }
      } catch (ConcurrentTransactionException e) {
        throw duplicate(e);
      } catch (RuntimeException e) {
        throw failed(e);
      }
      // Validate against exactly the version the retry is built on: a commit landing after it
      // makes the retry lose its race again, and it is validated then. Nothing of ours landed.
      int tried = attempt;
      current = guardedRetry(tried, () -> {
        Snapshot now = rebuilder.latest();
        if (rebuilder.alreadyCommitted(now)) {
          throw new AlreadyCommitted();
        }
        String change = changeSince(readSnapshot, now, read, predicate);
        if (change != null) {
          throw conflict("another writer's commit up to version " + now.getVersion() + " " + change, null);
        }
        if (tried >= MAX_ATTEMPTS) {
          throw conflict("other writers kept committing first (" + tried + " attempts)", null);
        }
        backOff(tried);
        return rebuilder.rebuild(now);
      });
    }
  }

  /**
   * Runs the step between a lost race and the next attempt. Nothing of this write has landed, so
   * any failure removes its files; a concurrent duplicate of its transaction means it is done.
   */
  private Transaction guardedRetry(int attempt, java.util.function.Supplier<Transaction> step) {
    try {
      return step.get();
    } catch (AlreadyCommitted e) {
      throw duplicate(e);
    } catch (CommitConflictException e) {
      throw e;
    } catch (ConcurrentTransactionException e) {
      throw duplicate(e);
    } catch (RuntimeException e) {
      DeltaException failed = KernelErrors.translate(
          "retry the commit to table " + location + " (attempt " + (attempt + 1) + ")", e);
      files.deleteWrittenFiles(failed);
      throw failed;
    }
  }

  /** A concurrent run of the same transaction committed first: this one's files go. */
  private AlreadyCommitted duplicate(RuntimeException e) {
    files.deleteWrittenFiles(e);
    return new AlreadyCommitted();
  }

  /** What changed that this write depends on, or null if it may be replayed on {@code now}. */
  private String changeSince(Snapshot read, Snapshot now, ReadSet readSet, Predicate predicate) {
    if (!now.getSchema().equals(read.getSchema())
        || !now.getPartitionColumnNames().equals(read.getPartitionColumnNames())
        || !now.getTableProperties().equals(read.getTableProperties())) {
      return "changed the table's schema, partitioning or properties";
    }
    if (!now.getProtocol().equals(read.getProtocol())) {
      return "changed the table's protocol";
    }
    ReadSet again = ReadSet.of(now, engine, predicate);
    if (!readSet.sameFilesAs(again)) {
      return "changed data this overwrite replaces: " + readSet.difference(again, 3);
    }
    return null;
  }

  private static boolean lostRace(MaxCommitRetryLimitReachedException e) {
    return e.getCause() instanceof CommitFailedException last && last.isConflict();
  }

  private void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(1_000, 10L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextInt(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeltaException("Cannot commit to table " + location + ": the thread was interrupted while waiting "
          + "to retry after a conflict. Nothing was committed.", e);
    }
  }

  /** A commit failure, classified by what is known of the commit's fate. */
  private DeltaException failed(RuntimeException e) {
    if (e instanceof ConcurrentWriteException c) {
      return conflict(c.getMessage(), c);
    }
    if (e instanceof MaxCommitRetryLimitReachedException m) {
      return lostRace(m) ? conflict(m.getMessage(), m) : stateUnknown(m);
    }
    if (KernelErrors.ours(e) instanceof io.deltalake4j.exceptions.CorruptFileException damaged) {
      // Reading another writer's commit while rebasing: this attempt had lost its race, nothing landed.
      files.deleteWrittenFiles(damaged);
      return damaged;
    }
    if (causedBy(e, FileNotPublishedException.class)) {
      DeltaIOException refused = new DeltaIOException("Cannot commit to table " + location + ": storage refused the "
          + "commit file (" + KernelErrors.rootMessage(e) + "). Nothing was committed and the data files written were "
          + "removed. Check that the table's _delta_log is writable and has space, then write again.", e);
      files.deleteWrittenFiles(refused);
      return refused;
    }
    if (e instanceof KernelException || causedBy(e, CommitInfoCommitter.KernelLayoutChangedException.class)) {
      DeltaException refused = KernelErrors.translate("commit to table " + location, e);
      files.deleteWrittenFiles(refused);
      return refused;
    }
    return stateUnknown(e);
  }

  private CommitConflictException conflict(String reason, Throwable cause) {
    CommitConflictException conflict = new CommitConflictException(
        "Cannot commit to table " + location + ": " + reason + ". Nothing was committed; retry on the latest version.",
        cause);
    files.deleteWrittenFiles(conflict);
    return conflict;
  }

  private CommitStateUnknownException stateUnknown(RuntimeException e) {
    return new CommitStateUnknownException(
        "Cannot tell whether the commit to table " + location + " landed: " + KernelErrors.rootMessage(e)
            + ". Check the table's history before writing again; the " + files.files()
            + " data files written are kept in case it did.", e);
  }

  /** Runs a step that writes files; if it fails, removes them. */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      files.deleteWrittenFiles(e);
      throw e;
    }
  }

  static boolean causedBy(Throwable e, Class<?> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static CloseableIterable<io.delta.kernel.data.Row> iterable(List<io.delta.kernel.data.Row> actions) {
    return CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator()));
  }
}
