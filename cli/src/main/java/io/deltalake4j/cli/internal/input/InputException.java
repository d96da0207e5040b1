package io.deltalake4j.cli.internal.input;

/**
 * The input file cannot be read as rows of the schema: it is missing, not in its format, or a value
 * does not fit its column. The message names the file, the line (or row) and the column.
 */
public final class InputException extends RuntimeException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
