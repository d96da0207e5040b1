package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.hook.PostCommitHook;
import io.deltalake4j.internal.kernel.KernelErrors;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work after a commit that keeps a table fast to open: a checkpoint every {@code
 * delta.checkpointInterval} commits, which also deletes log files older than {@code
 * delta.logRetentionDuration} that the checkpoint makes unnecessary, and the version's checksum
 * ({@code .crc}). Kernel names the work due (post-commit hooks) but never runs it.
 */
public final class PostCommitWork {
  private PostCommitWork() {}

  private static final Logger LOG = LoggerFactory.getLogger(PostCommitWork.class);

  /** Runs the hooks Kernel returned for a commit. A failure is logged: the commit stands. */
  static void afterCommit(TransactionCommitResult result, String location, Engine engine) {
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        if (hook.getType() == PostCommitHook.PostCommitHookType.CHECKPOINT) {
          // Kernel's hook checkpoints "as of" the version, which skips log cleanup; a snapshot
          // loaded as latest cleans up too.
          checkpoint(location, engine);
        } else {
          hook.threadSafeInvoke(engine);
        }
      } catch (IOException | RuntimeException e) {
        // A missing checkpoint or checksum only slows later readers down.
        LOG.warn("Post-commit {} for version {} of {} failed: {}", hook.getType(), result.getVersion(), location, e.toString());
      }
    }
  }

  /**
   * Writes a checkpoint of the latest version and deletes the expired log files it covers.
   *
   * @return the version checkpointed
   */
  public static long checkpoint(String location, Engine engine) {
    Snapshot latest;
    try {
      latest = TableManager.loadSnapshot(location).build(engine);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
    try {
      latest.writeCheckpoint(engine);
    } catch (CheckpointAlreadyExistsException e) {
      // Another writer checkpointed this version first; that checkpoint serves as well.
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("checkpoint version " + latest.getVersion() + " of table " + location, e);
    }
    return latest.getVersion();
  }
}
