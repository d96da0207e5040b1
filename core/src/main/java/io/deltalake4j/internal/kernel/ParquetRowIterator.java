package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.util.NoSuchElementException;

/** The rows of one plain Parquet file, materialised one at a time from Kernel's batches. */
final class ParquetRowIterator implements RowIterator {

  private final StructType schema;
  private final CloseableIterator<ColumnarBatch> batches;
  private final String location;
  private final long size;

  private ColumnarBatch batch;
  private int position;
  private long returned;
  private boolean closed;

  ParquetRowIterator(StructType schema, CloseableIterator<ColumnarBatch> batches, String location, long size) {
    this.schema = schema;
    this.batches = batches;
    this.location = location;
    this.size = size;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      while (batch == null || position >= batch.getSize()) {
        if (!batches.hasNext()) {
          batch = null;
          return false;
        }
        batch = batches.next();
        position = 0;
      }
      return true;
    } catch (RuntimeException e) {
      close();
      throw KernelErrors.translate("read Parquet file " + location, e);
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int row = position++;
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ValueReader.read(batch.getColumnVector(i), row, schema.field(i).type());
    }
    returned++;
    return new ArrayRow(schema, values);
  }

  /** A plain file has no table version: the version is -1, the file counts as one planned and read. */
  @Override
  public ScanMetrics metrics() {
    return new ScanMetrics(-1, 1, 0, 0, 1, size, returned, returned);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    batch = null;
    try {
      batches.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing after the end or a failure; the first error, if any, is already reported.
    }
  }
}
