package io.deltalake4j.exceptions;

/** A column named in a projection, filter or row is not in the table schema. */
public class ColumnNotFoundException extends DeltaException {

  public ColumnNotFoundException(String message) {
    super(message);
  }

  public ColumnNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
