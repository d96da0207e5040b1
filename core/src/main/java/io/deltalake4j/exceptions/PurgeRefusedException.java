package io.deltalake4j.exceptions;

/**
 * A purge was refused because the location a name points at is not one table's own directory: it
 * holds no Delta table, holds other tables below it, is a file system root, or is (or contains) a
 * database's or the warehouse's location. Nothing was deleted and the name stays registered.
 */
public class PurgeRefusedException extends DeltaException {

  private final String location;

  public PurgeRefusedException(String message, String location) {
    super(message);
    this.location = location;
  }

  /** The location that was not deleted, as the catalog gave it. */
  public String location() {
    return location;
  }
}
