package io.deltalake4j.internal.variant;

/** The bytes of a variant do not follow the Variant encoding; the message says where. */
public final class MalformedVariantException extends RuntimeException {
  public MalformedVariantException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
