package io.deltalake4j.exceptions;

/**
 * A catalog could not answer: its server is unreachable or timed out (the message names the
 * addresses tried), or it refused or failed the request. Nothing was changed by the failed call,
 * unless the message says that it cannot tell.
 */
public class CatalogException extends DeltaException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
