package io.deltalake4j.exceptions;

/**
 * A file of a table is damaged: a commit that is empty or cut short, a checkpoint or data file
 * that is not readable Parquet. Nothing is read from it; the message names the file and, for a
 * commit, the version to read instead.
 */
public class CorruptFileException extends DeltaIOException {

  private final String file;

  public CorruptFileException(String message, String file, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The damaged file's full path or URI. */
  public String file() {
    return file;
  }
}
