package io.deltalake4j.exceptions;

/** The table uses a Delta feature or type this library cannot read or write yet. */
public class UnsupportedFeatureException extends DeltaException {

  public UnsupportedFeatureException(String message) {
    super(message);
  }

  public UnsupportedFeatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
