package io.deltalake4j;

import io.deltalake4j.internal.kernel.KernelTable;
import io.deltalake4j.internal.kernel.write.CommitInfo;
import io.deltalake4j.internal.kernel.write.TableWrites;
import io.deltalake4j.internal.kernel.write.WriteInput;
import io.deltalake4j.internal.kernel.write.WriteSpec;
import io.deltalake4j.internal.WriteAccess;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every write takes: the rows, an optional exactly-once transaction id, what to record in
 * the commit, and the data file size. Each option but the rows is set at most once. Nothing is
 * written until {@link #commit()}. Not thread-safe; use once.
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract sealed class WriteBuilder<B extends WriteBuilder<B>> permits CreateTable, Append, Overwrite, Write {

  static {
    WriteAccess.register(WriteBuilder::batches);
  }

  private final DeltaLake lake;
  private final List<Object> rowParts = new ArrayList<>();
  private WriteSpec.TransactionId transaction;
  private String userMetadata;
  private final Map<String, String> commitProperties = new LinkedHashMap<>();
  private long targetFileSize;
  private boolean used;

  WriteBuilder(DeltaLake lake) {
    this.lake = lake;
  }

  abstract B self();

  /** Rows to write; each must have the table's columns and types (see {@link DeltaTable#schema()}). */
  public B rows(Iterable<? extends Row> rows) {
    rowParts.add(Objects.requireNonNull(rows, "rows"));
    return self();
  }

  /** Rows as maps of column name to value, checked against the schema; absent columns are null. */
  public B maps(Iterable<? extends Map<String, ?>> maps) {
    rowParts.add(new Maps(Objects.requireNonNull(maps, "maps")));
    return self();
  }

  /**
   * Makes the write exactly-once: the commit records that {@code appId} wrote {@code version}, and
   * a write whose version is not above the table's last recorded version for {@code appId}
   * commits nothing and reports {@link CommitResult.Outcome#SKIPPED_ALREADY_COMMITTED}. Use
   * increasing versions per application, e.g. a batch number, and {@link
   * DeltaTable#lastTransactionVersion(String)} to resume after a restart.
   */
  public B transaction(String appId, long version) {
    Objects.requireNonNull(appId, "appId");
    if (appId.isBlank()) {
      throw new IllegalArgumentException("Invalid transaction: the application id is blank.");
    }
    if (version < 0) {
      throw new IllegalArgumentException("Invalid transaction version " + version + ": use 0 or more.");
    }
    requireUnset("transaction", transaction);
    transaction = new WriteSpec.TransactionId(appId, version);
    return self();
  }

  /** Free text recorded in the commit ({@code userMetadata} in DESCRIBE HISTORY). */
  public B userMetadata(String text) {
    requireUnset("userMetadata", userMetadata);
    userMetadata = Objects.requireNonNull(text, "text");
    return self();
  }

  /**
   * An extra field of the commit's {@code commitInfo}, e.g. a pipeline run id. Keys must not
   * shadow the standard fields ({@code operation}, {@code timestamp}, ...).
   */
  public B commitProperty(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (CommitInfo.STANDARD_FIELDS.contains(key)) {
      throw new IllegalArgumentException(
          "Invalid commit property '" + key + "': it is a standard commitInfo field. Use another key, or userMetadata for free text.");
    }
    if (commitProperties.containsKey(key)) {
      throw new IllegalStateException("Invalid builder call: commit property '" + key + "' is already set. Set it once.");
    }
    commitProperties.put(key, value);
    return self();
  }

  /** The largest data file to write (default 128 MiB); larger outputs roll over to new files. */
  public B targetFileSize(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("Invalid target file size " + bytes + ": use at least 1024 bytes.");
    }
    if (targetFileSize != 0) {
      throw new IllegalStateException(
          "Invalid builder call: targetFileSize is already " + targetFileSize + ". Set it once.");
    }
    targetFileSize = bytes;
    return self();
  }

  /**
   * Writes the data files and commits them.
   *
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if a row or the schema does not fit;
   *     nothing is committed and the files written are removed
   * @throws io.deltalake4j.exceptions.CommitConflictException if another writer's commit conflicts
   *     with this one; nothing is committed and the files written are removed; safe to retry
   * @throws io.deltalake4j.exceptions.CommitStateUnknownException if it cannot be known whether the
   *     commit landed; the files are kept; read the history before retrying
   */
  public abstract CommitResult commit();

  /** Runs the write once; the builder cannot be committed twice. */
  final CommitResult run(KernelTable table, WriteSpec.Parts parts) {
    lake.checkOpen();
    if (used) {
      throw new IllegalStateException("Invalid builder call: commit() was already called. Start a new write.");
    }
    used = true;
    WriteSpec spec = new WriteSpec(
        parts.mode(), parts.operation(), parts.schema(), parts.partitionColumns(), parts.properties(),
        parts.predicate(), parts.schemaChange(), transaction, userMetadata,
        Collections.unmodifiableMap(new LinkedHashMap<>(commitProperties)),
        targetFileSize, this::input);
    return TableWrites.write(table, spec);
  }

  final DeltaLake lake() {
    return lake;
  }

  static void requireUnset(String option, Object current) {
    if (current != null) {
      throw new IllegalStateException("Invalid builder call: " + option + " is already set to " + current + ". Set it once.");
    }
  }

  private record Maps(Iterable<? extends Map<String, ?>> maps) {}

  /** Adds columnar input; how other modules of the library (arrow) add theirs, see {@link WriteAccess}. */
  final void batches(WriteInput.Batches batches) {
    rowParts.add(Objects.requireNonNull(batches, "batches"));
  }

  /** Everything given, in order, maps turned into rows of {@code schema}; pulled one at a time. */
  private WriteInput input(StructType schema) {
    List<Object> parts = new ArrayList<>(rowParts.size());
    for (Object part : rowParts) {
      if (part instanceof Maps m) {
        parts.add((Iterable<Row>) () -> {
          Iterator<? extends Map<String, ?>> maps = m.maps().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return maps.hasNext();
            }

            @Override
            public Row next() {
              return Row.fromMap(schema, maps.next());
            }
          };
        });
      } else {
        parts.add(part);
      }
    }
    return new WriteInput(schema, parts);
  }
}
