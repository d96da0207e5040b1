package io.deltalake4j.internal.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.expressions.PredicateEvaluator;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The batches of a scan, file by file: Parquet decode, then Kernel's physical-to-logical
 * transform (deletion vectors, partition values, column mapping), then the remaining row filter,
 * which Kernel leaves to the caller. Each batch's selection vector marks the rows that match.
 *
 * <p>Not thread-safe. The caller closes it; closing releases the open file and the log listing.
 */
public final class FileBatches implements CloseableIterator<FilteredColumnarBatch> {

  private final TableSnapshot snapshot;
  private final Engine engine;
  private final Scan scan;
  private final Row scanState;
  private final StructType physicalSchema;
  private final Optional<Predicate> remainingFilter;
  private final DataFileReader reader;
  private final Optional<Predicate> skipping;
  /** True if the scan lists every live file of the snapshot (no filter to prune or skip files by). */
  private final boolean listsAllFiles;
  private PredicateEvaluator evaluator;

  private CloseableIterator<FilteredColumnarBatch> scanFiles;
  private CloseableIterator<Row> filesInBatch;
  private CloseableIterator<FilteredColumnarBatch> fileData;
  private FilteredColumnarBatch next;
  private boolean closed;

  private long filesRead;
  private long bytesRead;
  private long rowsRead;

  /**
   * @param reader decodes each data file
   * @param skipping a predicate on physical columns the reader may skip row groups with
   * @param rowOnly a filter the scan was not given, applied to rows along with Kernel's remaining filter
   * @param listsAllFiles true if {@code scan} has no filter, so that its files, once all listed, are
   *     checked against the version's checksum file ({@link VersionChecksum})
   */
  FileBatches(TableSnapshot snapshot, Scan scan, DataFileReader reader, Optional<Predicate> skipping,
      Optional<Predicate> rowOnly, boolean listsAllFiles) {
    this.snapshot = snapshot;
    this.listsAllFiles = listsAllFiles;
    this.engine = snapshot.engine();
    this.scan = scan;
    this.reader = reader;
    this.skipping = skipping;
    try {
      this.scanState = scan.getScanState(engine);
      this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
      Optional<Predicate> remaining = scan.getRemainingFilter();
      this.remainingFilter = remaining.isPresent() && rowOnly.isPresent()
          ? Optional.of(new io.delta.kernel.expressions.And(remaining.get(), rowOnly.get()))
          : remaining.or(() -> rowOnly);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("scan table " + snapshot.location(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      while (next == null) {
        if (fileData != null && fileData.hasNext()) {
          FilteredColumnarBatch batch = fileData.next();
          rowsRead += selectedCount(batch);
          next = applyRemainingFilter(batch);
          continue;
        }
        if (!openNextFile()) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      close();
      throw KernelErrors.translate("read table " + snapshot.location(), e);
    }
  }

  @Override
  public FilteredColumnarBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    FilteredColumnarBatch batch = next;
    next = null;
    return batch;
  }

  private boolean openNextFile() {
    closeQuietly(fileData);
    fileData = null;
    if (!openNextFileLazily()) {
      return false;
    }
    fileData = readFile(engine, scanState, physicalSchema, pendingScanFile, reader, skipping);
    return true;
  }

  /**
   * Moves to the next data file of the scan without reading it, and returns it to be read on its
   * own (possibly on another thread, as many files at once); null after the last. Use either this
   * or the batch iteration of this object, not both.
   */
  public DataFile nextFile() {
    try {
      closeQuietly(fileData);
      fileData = null;
      if (!openNextFileLazily()) {
        return null;
      }
      return new DataFile(pendingScanFile);
    } catch (RuntimeException e) {
      close();
      throw KernelErrors.translate("list the files of table " + snapshot.location(), e);
    }
  }

  private Row pendingScanFile;
  private boolean listingChecked;

  private boolean openNextFileLazily() {
    if (scanFiles == null) {
      scanFiles = scan.getScanFiles(engine);
    }
    while (filesInBatch == null || !filesInBatch.hasNext()) {
      closeQuietly(filesInBatch);
      filesInBatch = null;
      if (!scanFiles.hasNext()) {
        if (listsAllFiles && !listingChecked) {
          listingChecked = true;
          VersionChecksum.of(snapshot).ifPresent(crc -> crc.verify(filesRead, bytesRead));
        }
        return false;
      }
      filesInBatch = scanFiles.next().getRows();
    }
    pendingScanFile = filesInBatch.next();
    FileStatus file = InternalScanFileUtils.getAddFileStatus(pendingScanFile);
    filesRead++;
    bytesRead += file.getSize();
    return true;
  }

  /** One data file of the scan, read independently of the others. Thread-safe to open. */
  public final class DataFile {
    private final Row scanFile;

    private DataFile(Row scanFile) {
      this.scanFile = scanFile;
    }

    public String path() {
      return InternalScanFileUtils.getAddFileStatus(scanFile).getPath();
    }

    /**
     * The file's batches, each with the rows that match selected (deletion vectors and the
     * remaining filter applied). The caller closes them.
     */
    public CloseableIterator<FilteredColumnarBatch> open() {
      PredicateEvaluator[] own = new PredicateEvaluator[1];
      return readFile(engine, scanState, physicalSchema, scanFile, reader, skipping).map(batch -> {
        if (remainingFilter.isEmpty()) {
          return batch;
        }
        if (own[0] == null) {
          own[0] = engine.getExpressionHandler().getPredicateEvaluator(batch.getData().getSchema(), remainingFilter.get());
        }
        return new FilteredColumnarBatch(batch.getData(), Optional.of(own[0].eval(batch.getData(), batch.getSelectionVector())));
      });
    }
  }

  /** Kernel's own Parquet reader, row-group skipping included. */
  public static DataFileReader kernelReader(Engine engine) {
    return (file, physicalSchema, filter) -> engine.getParquetHandler()
        .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, filter)
        .map(FileReadResult::getData);
  }

  /**
   * The logical batches of one scan file: Parquet decode, then Kernel's transform (deletion
   * vectors as the selection vector, partition values, column mapping). The caller closes them.
   */
  public static CloseableIterator<FilteredColumnarBatch> readFile(
      Engine engine, Row scanState, StructType physicalSchema, Row scanFile) {
    return readFile(engine, scanState, physicalSchema, scanFile, kernelReader(engine), Optional.empty());
  }

  private static CloseableIterator<FilteredColumnarBatch> readFile(
      Engine engine, Row scanState, StructType physicalSchema, Row scanFile, DataFileReader reader,
      Optional<Predicate> skipping) {
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    try {
      CloseableIterator<ColumnarBatch> physical = reader.read(file, physicalSchema, skipping);
      return Scan.transformPhysicalData(engine, scanState, scanFile, physical);
    } catch (IOException e) {
      throw KernelErrors.translate("read file " + file.getPath(), e);
    }
  }

  private FilteredColumnarBatch applyRemainingFilter(FilteredColumnarBatch batch) {
    if (remainingFilter.isEmpty()) {
      return batch;
    }
    if (evaluator == null) {
      evaluator =
          engine.getExpressionHandler().getPredicateEvaluator(batch.getData().getSchema(), remainingFilter.get());
    }
    ColumnVector selection = evaluator.eval(batch.getData(), batch.getSelectionVector());
    return new FilteredColumnarBatch(batch.getData(), Optional.of(selection));
  }

  /** The number of rows a batch's selection vector keeps (null counts as not selected). */
  static long selectedCount(FilteredColumnarBatch batch) {
    int size = batch.getData().getSize();
    if (batch.getSelectionVector().isEmpty()) {
      return size;
    }
    ColumnVector sel = batch.getSelectionVector().get();
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (isSelected(sel, i)) {
        n++;
      }
    }
    return n;
  }

  public static boolean isSelected(ColumnVector selection, int row) {
    return !selection.isNullAt(row) && selection.getBoolean(row);
  }

  public long filesRead() {
    return filesRead;
  }

  public long bytesRead() {
    return bytesRead;
  }

  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    next = null;
    closeQuietly(fileData);
    closeQuietly(filesInBatch);
    closeQuietly(scanFiles);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // Closing after a read failure or at the end; the first error, if any, is already reported.
    }
  }
}
