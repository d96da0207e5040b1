package io.deltalake4j.internal.storage;

import java.io.IOException;

/**
 * Writing a file that is published atomically failed, and it certainly did not appear under its
 * name: its content never reached the storage, or the publishing step was refused and the name is
 * still free. A commit that fails this way did not land, so retrying it or cleaning up after it is
 * safe.
 */
public final class FileNotPublishedException extends IOException {

  public FileNotPublishedException(String file, Throwable cause) {
    super("Cannot write " + file + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
  }
}
