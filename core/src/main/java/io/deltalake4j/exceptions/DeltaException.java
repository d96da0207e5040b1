package io.deltalake4j.exceptions;

/**
 * The root of deltalake4j's exceptions. All are unchecked. Messages read "Cannot &lt;verb&gt;
 * &lt;what&gt;: &lt;reason&gt;. &lt;fix&gt;" and name the table, column or value concerned.
 */
public class DeltaException extends RuntimeException {

  public DeltaException(String message) {
    super(message);
  }

  public DeltaException(String message, Throwable cause) {
    super(message, cause);
  }
}
