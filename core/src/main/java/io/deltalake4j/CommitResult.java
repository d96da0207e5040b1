package io.deltalake4j;

import java.time.Duration;

/**
 * What a committed write did.
 *
 * @param version the table version the commit created
 * @param operation the operation recorded in the log, e.g. {@code WRITE} or {@code CREATE TABLE}
 * @param filesAdded data files written
 * @param rowsWritten rows in those files
 * @param bytesWritten bytes in those files
 * @param duration wall time from the start of the write to the end of the commit and its
 *     post-commit work (checkpoint, checksum)
 */
public record CommitResult(
    long version, String operation, long filesAdded, long rowsWritten, long bytesWritten, Duration duration) {}
