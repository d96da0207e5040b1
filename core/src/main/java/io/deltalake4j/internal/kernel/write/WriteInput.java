package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a write was given, in order: parts of rows and parts of columnar batches, typed by the
 * schema the rows are written with. Pulled once, a row or a whole batch at a time. Closing closes
 * the batch source being read; the write closes its input.
 */
public final class WriteInput implements AutoCloseable {

  /** Columnar input, such as Arrow batches the arrow module wraps as Kernel vectors. */
  public interface Batches {
    /**
     * The batches, each with the columns of {@code rowSchema} in order as vectors of the Kernel
     * types of those columns. A batch stays valid until the next is asked for; the write closes
     * the iterator when done with it, or when it fails.
     */
    CloseableIterator<ColumnarBatch> open(StructType rowSchema);
  }

  private final StructType schema;
  private final Iterator<?> parts;
  private Iterator<? extends Row> rows = Collections.emptyIterator();
  private CloseableIterator<ColumnarBatch> batches;
  private ColumnarBatch pending;

  /**
   * @param parts each an {@code Iterable<? extends Row>} of rows of {@code schema}, or {@link Batches};
   *     each is opened when the input reaches it
   */
  public WriteInput(StructType schema, List<?> parts) {
    this.schema = schema;
    this.parts = parts.iterator();
  }

  /** True if a row or a non-empty batch is next. */
  @SuppressWarnings("unchecked")
  public boolean hasNext() {
    while (true) {
      if (pending != null || rows.hasNext()) {
        return true;
      }
      rows = Collections.emptyIterator(); // asked no more once it is done
      if (batches != null) {
        while (batches.hasNext()) {
          ColumnarBatch b = batches.next();
          if (b.getSize() > 0) {
            pending = b;
            return true;
          }
        }
        closeBatches();
      }
      if (!parts.hasNext()) {
        return false;
      }
      Object part = parts.next();
      if (part instanceof Batches b) {
        batches = b.open(schema);
      } else {
        rows = ((Iterable<? extends Row>) part).iterator();
      }
    }
  }

  /**
   * After {@link #hasNext()} said true: whether the next item is a batch ({@link #nextBatch()}),
   * not a row ({@link #nextRow()}).
   */
  public boolean atBatch() {
    return pending != null;
  }

  public Row nextRow() {
    if (!hasNext() || pending != null) {
      throw new NoSuchElementException();
    }
    return rows.next();
  }

  /** The next batch (never empty); valid until the input is pulled again. */
  public ColumnarBatch nextBatch() {
    if (!hasNext() || pending == null) {
      throw new NoSuchElementException();
    }
    ColumnarBatch b = pending;
    pending = null;
    return b;
  }

  @Override
  public void close() {
    pending = null;
    closeBatches();
  }

  private void closeBatches() {
    if (batches == null) {
      return;
    }
    CloseableIterator<ColumnarBatch> open = batches;
    batches = null;
    try {
      open.close();
    } catch (IOException e) {
      throw new DeltaIOException("Cannot close the batches written: " + e.getMessage(), e);
    }
  }
}
