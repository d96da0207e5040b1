package io.deltalake4j.exceptions;

/** Data to be written does not match the table schema; nothing was written. */
public class SchemaMismatchException extends DeltaException {

  public SchemaMismatchException(String message) {
    super(message);
  }

  public SchemaMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
