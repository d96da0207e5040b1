package io.deltalake4j;

import io.deltalake4j.types.StructType;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one scan run, read lazily file by file.
 *
 * <p>The caller owns it and must close it (try-with-resources); closing releases open files and is
 * harmless twice. The rows themselves are immutable values that stay valid after closing. Not
 * thread-safe.
 */
public interface RowIterator extends Iterator<Row>, AutoCloseable {

  /** The schema of the rows returned: the selected columns, in the order selected. */
  StructType schema();

  /**
   * What the scan did so far: the planning figures (files in the snapshot, pruned, skipped) and
   * the files, bytes and rows read up to now. The planning figures list the snapshot's files again,
   * so call this once, at the end.
   */
  ScanMetrics metrics();

  /** A sequential stream over the remaining rows; closing the stream closes this iterator. */
  default Stream<Row> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  @Override
  void close();
}
