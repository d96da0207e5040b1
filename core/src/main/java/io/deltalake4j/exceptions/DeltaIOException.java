package io.deltalake4j.exceptions;

/** Storage failed underneath an operation (HDFS or local disk). */
public class DeltaIOException extends DeltaException {

  public DeltaIOException(String message) {
    super(message);
  }

  public DeltaIOException(String message, Throwable cause) {
    super(message, cause);
  }
}
