package io.deltalake4j.exceptions;

import java.util.OptionalInt;

/**
 * A filter does not parse, or a literal does not fit its column's type. For parse errors,
 * {@link #position()} is the 0-based character offset in the filter text where parsing failed.
 */
public class InvalidFilterException extends DeltaException {

  private final int position;

  public InvalidFilterException(String message) {
    super(message);
    this.position = -1;
  }

  public InvalidFilterException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 0-based offset in the filter text where parsing failed, for parse errors. */
  public OptionalInt position() {
    return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
  }
}
