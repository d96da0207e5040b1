package io.deltalake4j.exceptions;

/** A table was to be created where one already exists. */
public class TableAlreadyExistsException extends DeltaException {

  public TableAlreadyExistsException(String message) {
    super(message);
  }

  public TableAlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
