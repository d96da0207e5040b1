package io.deltalake4j.exceptions;

/**
 * A commit lost a race with another writer and nothing was committed; the data files it wrote were
 * removed. Safe to retry on the table's new latest version.
 */
public class CommitConflictException extends DeltaException {

  public CommitConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
