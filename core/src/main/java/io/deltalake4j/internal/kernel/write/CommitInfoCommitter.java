package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.commit.CommitFailedException;
import io.delta.kernel.commit.CommitMetadata;
import io.delta.kernel.commit.CommitResponse;
import io.delta.kernel.commit.Committer;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.commit.DefaultFileSystemManagedTableOnlyCommitter;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * Kernel's file-system committer, with one change: the commit's first action, Kernel's
 * {@code commitInfo}, is replaced by ours ({@link CommitInfo}) on every attempt, so a rebased
 * commit keeps Kernel's fresh timestamps. Kernel always puts its commitInfo first; if that ever
 * changes, the commit fails before anything is written rather than record the wrong history.
 */
final class CommitInfoCommitter implements Committer {

  private volatile CommitInfo info;

  /** What the next attempts record; set once the data files are written. */
  void record(CommitInfo info) {
    this.info = info;
  }

  @Override
  public CommitResponse commit(Engine engine, CloseableIterator<Row> actions, CommitMetadata metadata)
      throws CommitFailedException {
    CommitInfo current = info;
    if (current == null) {
      throw new IllegalStateException("No commit info recorded before the commit");
    }
    try {
      return DefaultFileSystemManagedTableOnlyCommitter.INSTANCE.commit(engine, swap(actions, current), metadata);
    } catch (CommitFailedException e) {
      if (e.isRetryable() && !e.isConflict()) {
        // Storage failed writing the commit file. Kernel would retry at once, but retrying cannot
        // help a read-only log or a full disk, and a commit that landed despite the error would be
        // committed twice. The write reports it instead: not committed when the file certainly did
        // not appear (FileNotPublishedException), else unknown.
        throw new CommitFailedException(false /* not retryable */, false /* no conflict */, e.getMessage(), e);
      }
      throw e;
    }
  }

  /** The actions with the first one, Kernel's commitInfo, replaced by {@code info}. */
  static CloseableIterator<Row> swap(CloseableIterator<Row> actions, CommitInfo info) {
    return new Swapped(actions, info);
  }

  /** The actions with the first one, Kernel's commitInfo, replaced by ours. */
  private static final class Swapped implements CloseableIterator<Row> {
    private final CloseableIterator<Row> actions;
    private final CommitInfo info;
    private boolean first = true;

    Swapped(CloseableIterator<Row> actions, CommitInfo info) {
      this.actions = actions;
      this.info = info;
    }

    @Override
    public boolean hasNext() {
      return actions.hasNext();
    }

    @Override
    public Row next() {
      if (!actions.hasNext()) {
        throw new NoSuchElementException();
      }
      Row action = actions.next();
      int ordinal = action.getSchema().indexOf("commitInfo");
      boolean isCommitInfo = ordinal >= 0 && !action.isNullAt(ordinal);
      if (first) {
        first = false;
        if (!isCommitInfo) {
          throw new KernelLayoutChangedException(
              "Kernel's first commit action is not its commitInfo; this Kernel version is not supported.");
        }
        return info.toAction(action.getStruct(ordinal));
      }
      if (isCommitInfo) {
        throw new KernelLayoutChangedException("Kernel wrote a second commitInfo action; this Kernel version is not supported.");
      }
      return action;
    }

    @Override
    public void close() throws IOException {
      actions.close();
    }
  }

  /** Kernel's commit layout is not the one this class was written for; nothing was written. */
  static final class KernelLayoutChangedException extends IllegalStateException {
    KernelLayoutChangedException(String message) {
      super(message);
    }
  }
}
