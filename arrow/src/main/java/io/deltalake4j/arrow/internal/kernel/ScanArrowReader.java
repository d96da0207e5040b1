package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.deltalake4j.arrow.internal.kernel.parquet.ArrowParquetReader;
import io.deltalake4j.internal.kernel.DataFileReader;
import io.deltalake4j.internal.kernel.FileBatches;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.ScanRunner;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A scan as an Arrow reader: each {@link #loadNextBatch()} fills the reader's root with up to
 * {@code batchSize} matching rows (deletion vectors and the row filter applied, partition columns
 * filled, selections compacted away). A decoded batch whose rows all match moves into the root
 * as it is, without copying; batches thinned by the filter or by deletes are copied together
 * until full, so a selective scan does not hand out a stream of tiny batches.
 */
public final class ScanArrowReader extends ArrowReader {

  private final ScanRunner runner;
  private final Schema schema;
  private final int batchSize;
  private final DataFileReader files;

  private FileBatches batches;
  private ColumnarBatch pending;
  private int[] pendingRows;
  private int pendingCount;
  private int pendingPos;
  private int[] columns;
  private long returned;

  /**
   * A reader of the scan's rows.
   *
   * @param columnWise whether data files are decoded column by column into Arrow; else by Kernel's reader
   * @param threads how many files to decode at once; 1 decodes on the caller's thread
   * @param ordered whether batches keep the scan's file order when files are decoded at once
   */
  public static ArrowReader open(
      ScanRunner runner, int batchSize, boolean columnWise, int threads, boolean ordered, BufferAllocator allocator) {
    Schema schema = io.deltalake4j.arrow.ArrowSchemas.of(runner.schema());
    BufferAllocator own = allocator.newChildAllocator("deltalake4j scan of " + runner.location(), 0, allocator.getLimit());
    DataFileReader kernel = runner.kernelReader();
    DataFileReader files = columnWise ? new ArrowParquetReader(runner.hadoopConf(), own, batchSize, kernel) : kernel;
    return threads > 1
        ? new ParallelScanArrowReader(runner, schema, threads, ordered, files, own)
        : new ScanArrowReader(runner, schema, batchSize, files, own);
  }

  private ScanArrowReader(ScanRunner runner, Schema schema, int batchSize, DataFileReader files, BufferAllocator allocator) {
    super(allocator);
    this.runner = runner;
    this.schema = schema;
    this.batchSize = batchSize;
    this.files = files;
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    prepareLoadNextBatch();
    VectorSchemaRoot root = getVectorSchemaRoot();
    List<FieldVector> vectors = root.getFieldVectors();
    long limit = runner.limit();
    int want = (int) Math.min(batchSize, limit < 0 ? Long.MAX_VALUE : limit - returned);
    for (FieldVector v : vectors) {
      v.clear();
      v.setInitialCapacity(Math.max(want, 1));
      v.allocateNew();
    }
    int filled = 0;
    try {
      while (filled < want) {
        if (pendingPos >= pendingCount && !advance()) {
          break;
        }
        if (pendingPos == 0 && pendingCount == pending.getSize() && pendingCount <= want) {
          // A whole decoded batch: it moves into the root by itself, without copying.
          if (filled == 0) {
            for (int c = 0; c < columns.length; c++) {
              KernelToArrow.moveOrCopy(pending.getColumnVector(columns[c]), null, pendingCount, vectors.get(c));
            }
            filled = pendingCount;
            pendingPos = pendingCount;
          }
          break;
        }
        int take = Math.min(want - filled, pendingCount - pendingPos);
        for (int c = 0; c < columns.length; c++) {
          ColumnVector source = pending.getColumnVector(columns[c]);
          KernelToArrow.copy(source, pendingRows, pendingPos, take, vectors.get(c), filled);
        }
        filled += take;
        pendingPos += take;
      }
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + runner.location() + " into Arrow", e);
    }
    for (FieldVector v : vectors) {
      v.setValueCount(filled);
    }
    root.setRowCount(filled);
    returned += filled;
    return filled > 0;
  }

  /** Moves to the next batch with selected rows; false at the end. */
  private boolean advance() {
    if (batches == null) {
      batches = runner.batches(files);
    }
    while (batches.hasNext()) {
      FilteredColumnarBatch next = batches.next();
      ColumnarBatch data = next.getData();
      int[] rows = selected(next);
      if (rows.length == 0) {
        continue;
      }
      pending = data;
      pendingRows = rows;
      pendingCount = rows.length;
      pendingPos = 0;
      columns = new int[schema.getFields().size()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = data.getSchema().indexOf(schema.getFields().get(c).getName());
      }
      return true;
    }
    return false;
  }

  static int[] selected(FilteredColumnarBatch batch) {
    int size = batch.getData().getSize();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    if (selection.isEmpty()) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) {
        all[i] = i;
      }
      return all;
    }
    ColumnVector s = selection.get();
    int[] rows = new int[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (FileBatches.isSelected(s, i)) {
        rows[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(rows, n);
  }

  @Override
  public long bytesRead() {
    return batches == null ? 0 : batches.bytesRead();
  }

  /**
   * Called after the root is closed: frees the decoder's last batch, then closes the reader's own
   * allocator, which fails if anything it handed out is still held.
   */
  @Override
  protected void closeReadSource() {
    try {
      if (batches != null) {
        batches.close();
      }
      pending = null;
    } finally {
      allocator.close();
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
