package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.engine.ParquetHandler;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.internal.storage.StorageFiles;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The engine's Parquet handler, with two changes. A file written "atomically" (a checkpoint) is
 * written under a temporary name and published only if the whole write returned normally and
 * consumed all of its input: Parquet's writer closes with a valid footer even when the log replay
 * feeding it failed, and Kernel's default would then publish a partial checkpoint (on HDFS,
 * delta-io/delta#7174). And a file that fails to read as Parquet is named in a {@link
 * io.deltalake4j.exceptions.CorruptFileException}. Checkpoints' metadata without schemaString reads
 * as Spark reads it ({@link SchemaStrings}).
 */
final class CheckedParquetHandler implements ParquetHandler {

  private final ParquetHandler delegate;
  private final Configuration conf;

  CheckedParquetHandler(ParquetHandler delegate, Configuration conf) {
    this.delegate = delegate;
    this.conf = conf;
  }

  @Override
  public CloseableIterator<FileReadResult> readParquetFiles(
      CloseableIterator<FileStatus> fileIter, StructType physicalSchema, Optional<Predicate> predicate)
      throws IOException {
    String[] current = new String[1];
    CloseableIterator<FileStatus> tracked = fileIter.map(f -> {
      current[0] = f.getPath();
      return f;
    });
    CloseableIterator<FileReadResult> results;
    try {
      results = delegate.readParquetFiles(tracked, SchemaStrings.relaxed(physicalSchema), predicate)
          .map(r -> isLogFile(r.getFilePath())
              ? new FileReadResult(SchemaStrings.filled(r.getData(), physicalSchema), r.getFilePath())
              : r);
    } catch (IOException | RuntimeException e) {
      if (current[0] == null) {
        throw e;
      }
      throw FileErrors.readingLogChecked(current[0], e);
    }
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return results.hasNext();
        } catch (RuntimeException e) {
          throw current[0] == null ? e : (RuntimeException) FileErrors.readingLog(current[0], e);
        }
      }

      @Override
      public FileReadResult next() {
        try {
          return results.next();
        } catch (RuntimeException e) {
          throw current[0] == null ? e : (RuntimeException) FileErrors.readingLog(current[0], e);
        }
      }

      @Override
      public void close() throws IOException {
        results.close();
      }
    };
  }

  @Override
  public CloseableIterator<DataFileStatus> writeParquetFiles(
      String directoryPath, CloseableIterator<FilteredColumnarBatch> dataIter, List<Column> statsColumns)
      throws IOException {
    return delegate.writeParquetFiles(directoryPath, dataIter, statsColumns);
  }

  @Override
  public void writeParquetFileAtomically(String filePath, CloseableIterator<FilteredColumnarBatch> data)
      throws IOException {
    String temp = StorageFiles.tempFor(filePath);
    WatchedInput input = new WatchedInput(data);
    try {
      delegate.writeParquetFileAtomically(temp, input);
      if (!input.whole()) {
        throw new IOException("Cannot write " + filePath + ": its input "
            + (input.failure != null ? "failed (" + KernelErrors.rootMessage(input.failure) + ")" : "was not read to its end")
            + "; the partial file is not published.", input.failure);
      }
      StorageFiles.publishIfAbsent(conf, temp, filePath);
    } catch (IOException | RuntimeException e) {
      StorageFiles.deleteQuietly(conf, temp, e);
      throw e;
    }
    StorageFiles.deleteQuietly(conf, temp, null);
  }

  /** A checkpoint rather than a data file, whose columns are the user's and kept as read. */
  private static boolean isLogFile(String path) {
    return path.contains("/_delta_log/");
  }

  /** A writer's input, watched: whether it was read to its end without failing. Sticky. */
  private static final class WatchedInput implements CloseableIterator<FilteredColumnarBatch> {
    private final CloseableIterator<FilteredColumnarBatch> data;
    private RuntimeException failure;
    private boolean ended;

    WatchedInput(CloseableIterator<FilteredColumnarBatch> data) {
      this.data = data;
    }

    boolean whole() {
      return ended && failure == null;
    }

    @Override
    public boolean hasNext() {
      try {
        boolean more = data.hasNext();
        ended |= !more;
        return more;
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public FilteredColumnarBatch next() {
      try {
        return data.next();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      data.close();
    }
  }
}
