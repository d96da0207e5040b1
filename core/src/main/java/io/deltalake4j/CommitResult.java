package io.deltalake4j;

import java.time.Duration;

/**
 * What a write did.
 *
 * @param version the version the commit created; when nothing was committed, the table's latest
 *     version
 * @param operation the operation recorded in the log, e.g. {@code WRITE} or {@code CREATE TABLE};
 *     empty when nothing was committed
 * @param outcome whether the write committed, or why it committed nothing
 * @param filesAdded data files written
 * @param filesRemoved data files the commit removed from the table (overwrites)
 * @param rowsWritten rows in the files written: the new rows, plus the rows an overwrite with a
 *     data predicate copied from rewritten files
 * @param rowsCopied of {@code rowsWritten}, the rows copied from rewritten files
 * @param bytesWritten bytes in the files written
 * @param duration wall time from the start of the write to the end of the commit and its
 *     post-commit work (checkpoint, checksum)
 */
public record CommitResult(
    long version,
    String operation,
    Outcome outcome,
    long filesAdded,
    long filesRemoved,
    long rowsWritten,
    long rowsCopied,
    long bytesWritten,
    Duration duration) {

  /** Whether a write committed, or why it committed nothing. */
  public enum Outcome {
    /** A new version was committed. */
    COMMITTED,
    /** Mode {@link WriteMode#IGNORE} found a table already there; nothing was written. */
    SKIPPED_TABLE_EXISTS,
    /**
     * The write's transaction ({@code transaction(appId, version)}) was already committed, by an
     * earlier run or a concurrent one; nothing was written.
     */
    SKIPPED_ALREADY_COMMITTED
  }

  /** True if a new version was committed. */
  public boolean committed() {
    return outcome == Outcome.COMMITTED;
  }
}
