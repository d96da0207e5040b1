package io.deltalake4j.internal.kernel;

import io.delta.kernel.exceptions.KernelEngineException;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.UnsupportedProtocolVersionException;
import io.delta.kernel.exceptions.UnsupportedTableFeatureException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns Kernel and storage failures into deltalake4j exceptions, with the operation as context. */
public final class KernelErrors {
  private KernelErrors() {}

  /**
   * @param what the operation and its object, e.g. "read table file:/tmp/sales"; the message reads
   *     "Cannot &lt;what&gt;: &lt;reason&gt;"
   */
  public static DeltaException translate(String what, Throwable e) {
    DeltaException ours = ours(e);
    if (ours != null) {
      return ours;
    }
    if (e instanceof io.delta.kernel.exceptions.TableNotFoundException) {
      return new TableNotFoundException(
          "Cannot " + what + ": it is not a Delta table (no _delta_log). "
              + "Check the path, or create the table first.", e);
    }
    if (e instanceof io.delta.kernel.exceptions.TableAlreadyExistsException) {
      return new TableAlreadyExistsException(
          "Cannot " + what + ": a Delta table already exists there. Append to it, or choose another path.", e);
    }
    if (e instanceof UnsupportedTableFeatureException || e instanceof UnsupportedProtocolVersionException) {
      return new UnsupportedFeatureException(
          "Cannot " + what + ": " + e.getMessage()
              + " Use an engine that supports it (e.g. Spark) or a newer deltalake4j.", e);
    }
    if (e instanceof KernelEngineException || e instanceof UncheckedIOException || e instanceof IOException) {
      return new DeltaIOException("Cannot " + what + ": storage failed: " + rootMessage(e), e);
    }
    if (e instanceof KernelException) {
      return new DeltaException("Cannot " + what + ": " + e.getMessage(), e);
    }
    if (e instanceof UnsupportedOperationException) {
      return new UnsupportedFeatureException(
          "Cannot " + what + ": " + e.getMessage() + " (not supported by the Delta Kernel reader).", e);
    }
    if (e instanceof RuntimeException r && !(r.getCause() instanceof IOException)) {
      return new DeltaException("Cannot " + what + ": " + r, r);
    }
    return new DeltaIOException("Cannot " + what + ": " + rootMessage(e), e);
  }

  /**
   * Our own exception, where one was thrown underneath Kernel (a damaged file named by the
   * engine's handlers, a bad row) and came back wrapped; else null.
   */
  public static DeltaException ours(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeltaException d) {
        return d;
      }
    }
    return null;
  }

  /**
   * The innermost cause as "Type: message", the message cut to its first line: a failure the
   * NameNode sends back carries the server's stack trace in its message.
   */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = String.valueOf(t.getMessage());
    int line = message.indexOf('\n');
    return t.getClass().getSimpleName() + ": " + (line < 0 ? message : message.substring(0, line).strip());
  }

}
