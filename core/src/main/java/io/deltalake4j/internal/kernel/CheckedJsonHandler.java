package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.JsonHandler;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.internal.storage.FileNotPublishedException;
import io.deltalake4j.internal.storage.LogFileNames;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.nio.file.FileAlreadyExistsException;
import java.util.Optional;

/**
 * The engine's JSON handler, checked: a commit file that is empty or holds a line that is not
 * whole JSON fails as a {@link io.deltalake4j.exceptions.CorruptFileException} naming the commit,
 * instead of reading as an empty commit or a parser's bare message; a commit file that could not be
 * written says whether it certainly did not appear ({@link FileNotPublishedException}), which makes
 * the commit safe to report as not committed. Log actions are read as Spark reads them where Kernel
 * is stricter: a metadata action without schemaString is a table without columns ({@link
 * SchemaStrings}).
 */
final class CheckedJsonHandler implements JsonHandler {

  private final JsonHandler delegate;
  private final Configuration conf;

  CheckedJsonHandler(JsonHandler delegate, Configuration conf) {
    this.delegate = delegate;
    this.conf = conf;
  }

  @Override
  public ColumnarBatch parseJson(ColumnVector json, StructType schema, Optional<ColumnVector> selection) {
    return delegate.parseJson(json, schema, selection);
  }

  @Override
  public CloseableIterator<ColumnarBatch> readJsonFiles(
      CloseableIterator<FileStatus> fileIter, StructType schema, Optional<Predicate> predicate) throws IOException {
    TrackedFiles tracked = new TrackedFiles(fileIter);
    CloseableIterator<ColumnarBatch> batches;
    try {
      batches = delegate.readJsonFiles(tracked, SchemaStrings.relaxed(schema), predicate)
          .map(b -> SchemaStrings.filled(b, schema));
    } catch (IOException | RuntimeException e) {
      if (tracked.current() == null) {
        throw e;
      }
      throw FileErrors.readingLogChecked(tracked.current().getPath(), e);
    }
    return new CheckedBatches(batches, tracked);
  }

  @Override
  public void writeJsonFileAtomically(String filePath, CloseableIterator<Row> data, boolean overwrite)
      throws IOException {
    try {
      delegate.writeJsonFileAtomically(filePath, data, overwrite);
    } catch (FileAlreadyExistsException | FileNotPublishedException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      // Only storage failures: any other error (a bug building the actions) propagates as it is.
      if (certainlyAbsent(filePath)) {
        throw new FileNotPublishedException(filePath, e);
      }
      throw e;
    }
  }

  /**
   * True only if the storage says the file does not exist, and says so consistently: local disk,
   * and HDFS after a sync with the active NameNode (a client reading from an observer NameNode
   * could otherwise see a commit that landed as absent). False if it exists, or cannot tell, or
   * on any other storage.
   */
  private boolean certainlyAbsent(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      String scheme = fs.getScheme();
      if (!"file".equals(scheme) && !"hdfs".equals(scheme)) {
        return false;
      }
      if ("hdfs".equals(scheme)) {
        fs.msync();
      }
      fs.getFileStatus(p);
      return false;
    } catch (FileNotFoundException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The files a read was given, remembering the one the reader took last. */
  private static final class TrackedFiles implements CloseableIterator<FileStatus> {
    private final CloseableIterator<FileStatus> files;
    private FileStatus current;
    private int taken;

    TrackedFiles(CloseableIterator<FileStatus> files) {
      this.files = files;
    }

    FileStatus current() {
      return current;
    }

    @Override
    public boolean hasNext() {
      return files.hasNext();
    }

    @Override
    public FileStatus next() {
      current = files.next();
      taken++;
      if (current.getSize() == 0 && current.getModificationTime() > 0 && isCommit(current)) {
        throw FileErrors.damaged(current.getPath(), "it is empty, 0 bytes", null);
      }
      return current;
    }

    @Override
    public void close() throws IOException {
      files.close();
    }
  }

  private static boolean isCommit(FileStatus file) {
    return LogFileNames.commitVersion(file.getPath()).isPresent();
  }

  /**
   * The batches of a read: a failure names the file being read; a single commit file read to its
   * end without one action is empty, which no writer commits.
   */
  private static final class CheckedBatches implements CloseableIterator<ColumnarBatch> {
    private final CloseableIterator<ColumnarBatch> batches;
    private final TrackedFiles files;
    private long rows;

    CheckedBatches(CloseableIterator<ColumnarBatch> batches, TrackedFiles files) {
      this.batches = batches;
      this.files = files;
    }

    @Override
    public boolean hasNext() {
      boolean more;
      try {
        more = batches.hasNext();
      } catch (RuntimeException e) {
        throw failed(e);
      }
      if (!more && rows == 0 && files.taken == 1 && isCommit(files.current())) {
        throw FileErrors.damaged(files.current().getPath(), "it holds no actions", null);
      }
      return more;
    }

    @Override
    public ColumnarBatch next() {
      try {
        ColumnarBatch batch = batches.next();
        rows += batch.getSize();
        return batch;
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    private RuntimeException failed(RuntimeException e) {
      return files.current() == null ? e : (RuntimeException) FileErrors.readingLog(files.current().getPath(), e);
    }

    @Override
    public void close() throws IOException {
      batches.close();
    }
  }
}
