package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.expressions.PredicateEvaluator;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.Row;
import io.deltalake4j.internal.kernel.FileBatches;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.ValueReader;
import io.deltalake4j.internal.rows.ArrayRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copy-on-write for an overwrite whose predicate names data columns: reads a file's live rows
 * (deletion vectors applied) and splits them into those the predicate covers (replaced) and the
 * others (kept, to be written again). A row is covered only when the predicate is TRUE for it; a
 * row for which it is FALSE or NULL is kept, as Spark keeps it.
 */
final class FileRewriter {

  /** A file's rows the overwrite keeps, and how many it replaces. */
  record Split(List<Row> kept, long covered) {}

  private final Engine engine;
  private final io.delta.kernel.data.Row scanState;
  private final StructType physicalSchema;
  private final io.deltalake4j.types.StructType schema;
  private final Predicate predicate;
  private PredicateEvaluator evaluator;

  FileRewriter(Snapshot snapshot, Engine engine, io.deltalake4j.types.StructType schema, Predicate predicate) {
    this.engine = engine;
    Scan scan = snapshot.getScanBuilder().build();
    this.scanState = scan.getScanState(engine);
    this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    this.schema = schema;
    this.predicate = predicate;
  }

  Split split(io.delta.kernel.data.Row scanFile) {
    List<Row> kept = new ArrayList<>();
    long covered = 0;
    try (CloseableIterator<FilteredColumnarBatch> batches =
        FileBatches.readFile(engine, scanState, physicalSchema, scanFile)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        if (evaluator == null) {
          evaluator = engine.getExpressionHandler().getPredicateEvaluator(data.getSchema(), predicate);
        }
        try (ColumnVector matches = evaluator.eval(data, Optional.empty())) {
          Optional<ColumnVector> live = batch.getSelectionVector();
          for (int i = 0; i < data.getSize(); i++) {
            if (live.isPresent() && !FileBatches.isSelected(live.get(), i)) {
              continue;
            }
            if (FileBatches.isSelected(matches, i)) {
              covered++;
            } else {
              kept.add(row(data, i));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("rewrite file " + FileActions.path(scanFile) + " of an overwrite", e);
    }
    return new Split(kept, covered);
  }

  private Row row(ColumnarBatch data, int i) {
    Object[] values = new Object[schema.size()];
    for (int c = 0; c < values.length; c++) {
      int column = data.getSchema().indexOf(schema.field(c).name());
      values[c] = ValueReader.read(data.getColumnVector(column), i, schema.field(c).type());
    }
    return new ArrayRow(schema, values);
  }
}
