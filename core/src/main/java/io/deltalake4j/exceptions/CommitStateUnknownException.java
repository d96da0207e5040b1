package io.deltalake4j.exceptions;

/**
 * A commit failed in a way that leaves unknown whether it landed (for example, storage failed while
 * the log entry was being written). The data files it wrote are kept, since a landed commit needs
 * them. Do not retry blindly: read the table's history first to see whether the commit is there.
 */
public class CommitStateUnknownException extends DeltaException {

  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
