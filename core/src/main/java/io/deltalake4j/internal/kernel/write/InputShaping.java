package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ColumnarBatch;
import io.deltalake4j.Row;
import java.util.function.UnaryOperator;

/**
 * How the rows and batches a write was given become those of the schema it writes: checked
 * against the schema they were given with, then brought to the written one.
 */
record InputShaping(
    RowChecker rowChecker,
    BatchChecker batchChecker,
    UnaryOperator<Row> rowProjection,
    UnaryOperator<ColumnarBatch> batchProjection) {

  Row row(Row given) {
    return rowProjection.apply(rowChecker.check(given));
  }

  ColumnarBatch batch(ColumnarBatch given) {
    return batchProjection.apply(batchChecker.check(given));
  }
}
