package io.deltalake4j.exceptions;

/** No table exists at the path or name given: the path does not exist, or it is not a Delta table (it has no {@code _delta_log}). */
public class TableNotFoundException extends DeltaException {

  public TableNotFoundException(String message) {
    super(message);
  }

  public TableNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
