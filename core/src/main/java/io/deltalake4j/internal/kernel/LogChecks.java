package io.deltalake4j.internal.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.Optional;

/** Checks of a table's log that Kernel does not make before a write builds on it. */
public final class LogChecks {
  private LogChecks() {}

  private static final StructType ANY_ACTION = new StructType().add("commitInfo", new StructType()
      .add("operation", StringType.STRING));

  /**
   * Reads the commit file of {@code snapshot}'s version to its end, so that a write never commits
   * on top of a latest commit that is damaged: Kernel loads a snapshot's protocol and metadata from
   * the version's checksum or from older commits, and an append reads nothing else.
   *
   * @throws io.deltalake4j.exceptions.CorruptFileException if the commit is empty or cut short
   */
  public static void requireLatestCommitReadable(Engine engine, Snapshot snapshot) {
    String commit = snapshot.getPath() + "/_delta_log/" + String.format("%020d.json", snapshot.getVersion());
    try {
      FileStatus file = engine.getFileSystemClient().getFileStatus(commit);
      try (CloseableIterator<ColumnarBatch> batches = engine.getJsonHandler()
          .readJsonFiles(Utils.singletonCloseableIterator(file), ANY_ACTION, Optional.empty())) {
        while (batches.hasNext()) {
          batches.next();
        }
      }
    } catch (java.io.FileNotFoundException e) {
      // A table known from a checkpoint alone (its commits cleaned up) has nothing more to check.
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("read commit file " + commit, e);
    }
  }
}
