package io.deltalake4j.internal.kernel;

import io.deltalake4j.exceptions.CorruptFileException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.internal.storage.LogFileNames;
import java.io.EOFException;
import java.util.OptionalLong;

/**
 * The errors of reading one file of a table, named for the file: a damaged commit names its
 * version and the versions still readable; a damaged checkpoint or data file names itself; an I/O
 * failure names the file it happened on.
 */
final class FileErrors {
  private FileErrors() {}

  /**
   * The error for {@code cause} thrown while Kernel read {@code file} of the log: a damaged file's
   * error, or {@code cause} itself, which Kernel may act on (a file removed by a concurrent cleanup).
   */
  static <E extends Throwable> Throwable readingLog(String file, E cause) {
    DeltaException ours = KernelErrors.ours(cause);
    if (ours != null) {
      return ours;
    }
    return isDamage(cause) ? damaged(file, KernelErrors.rootMessage(cause), cause) : cause;
  }

  /**
   * {@link #readingLog} for a call that throws {@link IOException}: a runtime error is thrown
   * here, an {@code IOException} returned for the caller to throw.
   */
  static java.io.IOException readingLogChecked(String file, Exception cause) {
    Throwable e = readingLog(file, cause);
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return (java.io.IOException) e;
  }

  /** The error for {@code cause}, thrown while reading {@code file}. */
  static DeltaException reading(String file, Throwable cause) {
    DeltaException ours = KernelErrors.ours(cause);
    if (ours != null) {
      return ours;
    }
    return isDamage(cause) ? damaged(file, KernelErrors.rootMessage(cause), cause)
        : new DeltaIOException("Cannot read " + describe(file) + ": storage failed: " + KernelErrors.rootMessage(cause)
            + ". Check that the storage is reachable, then try again.", cause);
  }

  /** The error for a file whose content is not what its name promises. */
  static CorruptFileException damaged(String file, String reason, Throwable cause) {
    OptionalLong commit = LogFileNames.commitVersion(file);
    if (commit.isPresent()) {
      long v = commit.getAsLong();
      return new CorruptFileException(
          "Cannot read version " + v + " of table " + table(file) + ": its commit file " + file + " is damaged ("
              + reason + "). Restore the file from a backup"
              + (v > 0 ? ", or read version " + (v - 1) + " (asOfVersion(" + (v - 1) + "), CLI --version " + (v - 1) + ")"
                  : "")
              + "; nothing can be written to the table until then.", file, cause);
    }
    OptionalLong checkpoint = LogFileNames.checkpointVersion(file);
    if (checkpoint.isPresent()) {
      return new CorruptFileException(
          "Cannot read table " + table(file) + ": its checkpoint " + file + " of version " + checkpoint.getAsLong()
              + " is damaged (" + reason + "). Restore it from a backup; if the log still holds the commits up to "
              + "that version, moving the checkpoint out of _delta_log lets readers replay them instead.", file, cause);
    }
    return new CorruptFileException(
        "Cannot read data file " + file + ": it is damaged or not Parquet (" + reason + "). Restore it from a "
            + "backup; the table's other files are unaffected.", file, cause);
  }

  /** Whether a failure says the bytes are wrong, rather than that storage could not be reached. */
  static boolean isDamage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (t instanceof EOFException
          || type.startsWith("com.fasterxml.jackson.core.")
          || type.startsWith("org.apache.parquet.io.ParquetDecodingException")
          || type.endsWith("CorruptDeltaFileException")
          || message.contains("is not a Parquet file")
          || message.contains("Cannot seek after EOF")
          || message.contains("Failed to parse")
          || message.contains("Could not parse")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(String file) {
    if (LogFileNames.commitVersion(file).isPresent()) {
      return "commit file " + file;
    }
    return LogFileNames.checkpointVersion(file).isPresent() ? "checkpoint " + file : "data file " + file;
  }

  /** The table a log file belongs to. */
  private static String table(String logFile) {
    int log = logFile.lastIndexOf("/_delta_log/");
    return log < 0 ? logFile : logFile.substring(0, log);
  }
}
