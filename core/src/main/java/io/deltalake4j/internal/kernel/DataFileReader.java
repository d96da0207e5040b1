package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes one data file of a scan into physical batches, as Kernel's {@code
 * ParquetHandler.readParquetFiles} does for one file: the columns of {@code physicalSchema}
 * (matched by field id, then name), absent ones null, and the row-index metadata column filled
 * when asked for. The {@code arrow} module plugs its column-wise decoder in here.
 */
@FunctionalInterface
public interface DataFileReader {

  /**
   * @param filter a predicate on physical columns the reader may use to skip row groups; rows it
   *     returns need not match it
   */
  CloseableIterator<ColumnarBatch> read(FileStatus file, StructType physicalSchema, Optional<Predicate> filter)
      throws IOException;
}
