package io.deltalake4j.exceptions;

/** A version or timestamp asked for lies outside the table's history. */
public class VersionNotFoundException extends DeltaException {

  public VersionNotFoundException(String message) {
    super(message);
  }

  public VersionNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
