package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.types.StructType;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Rows of a scan, materialised one at a time from Kernel batches into immutable {@link Row}s. */
final class ScanRowIterator implements RowIterator {

  private final ScanRunner runner;
  private final FileBatches batches;
  private final StructType outputSchema;
  private final int[] columnInBatch;
  private final long limit;

  private ColumnarBatch batch;
  private Optional<ColumnVector> selection = Optional.empty();
  private int position;
  private Row next;
  private long returned;

  ScanRowIterator(
      ScanRunner runner,
      FileBatches batches,
      StructType outputSchema,
      io.delta.kernel.types.StructType readSchema,
      long limit) {
    this.runner = runner;
    this.batches = batches;
    this.outputSchema = outputSchema;
    this.limit = limit;
    this.columnInBatch = new int[outputSchema.size()];
    for (int i = 0; i < columnInBatch.length; i++) {
      columnInBatch[i] = readSchema.indexOf(outputSchema.field(i).name());
    }
  }

  @Override
  public StructType schema() {
    return outputSchema;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (limit >= 0 && returned >= limit) {
      batches.close();
      return false;
    }
    while (true) {
      if (batch != null) {
        while (position < batch.getSize()) {
          int row = position++;
          if (selection.isEmpty() || FileBatches.isSelected(selection.get(), row)) {
            next = materialise(row);
            return true;
          }
        }
        batch = null;
      }
      if (!batches.hasNext()) {
        return false;
      }
      FilteredColumnarBatch b = batches.next();
      batch = b.getData();
      selection = b.getSelectionVector();
      position = 0;
    }
  }

  private Row materialise(int row) {
    Object[] values = new Object[columnInBatch.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = ValueReader.read(batch.getColumnVector(columnInBatch[i]), row, outputSchema.field(i).type());
    }
    return new ArrayRow(outputSchema, values);
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    returned++;
    return r;
  }

  @Override
  public ScanMetrics metrics() {
    return runner.plan(batches.filesRead(), batches.bytesRead(), batches.rowsRead(), returned);
  }

  @Override
  public void close() {
    batch = null;
    next = null;
    batches.close();
  }
}
