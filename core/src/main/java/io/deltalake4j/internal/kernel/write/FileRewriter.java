package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.expressions.PredicateEvaluator;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.internal.kernel.FileBatches;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.ValueVector;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Copy-on-write for an overwrite whose predicate names data columns: streams a file's live rows
 * (deletion vectors applied) batch by batch into new files, keeping those the predicate does not
 * cover. A row is covered only when the predicate is TRUE for it; a row for which it is FALSE or
 * NULL is kept, as Spark keeps it. Rows are never boxed: each decoded batch goes to the Parquet
 * writer with a selection vector, so memory holds one batch, whatever the file's size.
 */
final class FileRewriter {

  /** What the rewrite of one file did: rows written again, and rows the overwrite replaces. */
  record Rewrite(long kept, long covered) {}

  private final Engine engine;
  private final io.delta.kernel.data.Row scanState;
  private final StructType physicalSchema;
  private final StructType target;
  private final Predicate predicate;
  private PredicateEvaluator evaluator;

  /** @param target the schema the write commits: the table's, plus any new columns at the end */
  FileRewriter(Snapshot snapshot, Engine engine, StructType target, Predicate predicate) {
    this.engine = engine;
    Scan scan = snapshot.getScanBuilder().build();
    this.scanState = scan.getScanState(engine);
    this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    this.target = target;
    this.predicate = predicate;
  }

  /**
   * Writes the file's kept rows as new files of {@code out}. If the predicate covers none of its
   * rows, the file stays as it is: nothing is written, and the result's {@code covered} is 0.
   */
  Rewrite rewrite(io.delta.kernel.data.Row scanFile, DataFileWriter out) {
    DataFileWriter.Mark mark = out.mark();
    long[] counts = new long[2]; // kept, covered
    try (CloseableIterator<FilteredColumnarBatch> batches =
        FileBatches.readFile(engine, scanState, physicalSchema, scanFile)) {
      CloseableIterator<FilteredColumnarBatch> kept = batches.map(b -> select(b, counts)).filter(b -> b != null);
      if (kept.hasNext()) {
        FilteredColumnarBatch first = kept.next();
        Map<String, Literal> partition = out.partitionValues(first.getData(), firstSelected(first));
        out.writeBatches(partition, prepend(first, kept));
      }
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("rewrite file " + FileActions.path(scanFile) + " of an overwrite", e);
    }
    if (counts[1] == 0) {
      out.rollBackTo(mark);
      return new Rewrite(0, 0);
    }
    return new Rewrite(counts[0], counts[1]);
  }

  /** The batch with only its kept rows selected, in the target schema; null if it keeps none. */
  private FilteredColumnarBatch select(FilteredColumnarBatch batch, long[] counts) {
    ColumnarBatch data = batch.getData();
    if (evaluator == null) {
      evaluator = engine.getExpressionHandler().getPredicateEvaluator(data.getSchema(), predicate);
    }
    int n = data.getSize();
    boolean[] keep = new boolean[n];
    int kept = 0;
    try (ColumnVector matches = evaluator.eval(data, Optional.empty())) {
      Optional<ColumnVector> live = batch.getSelectionVector();
      for (int i = 0; i < n; i++) {
        if (live.isPresent() && !FileBatches.isSelected(live.get(), i)) {
          continue;
        }
        if (FileBatches.isSelected(matches, i)) {
          counts[1]++;
        } else {
          keep[i] = true;
          kept++;
        }
      }
    } catch (Exception e) {
      throw KernelErrors.translate("evaluate the overwrite's predicate", e);
    }
    counts[0] += kept;
    return kept == 0 ? null : new FilteredColumnarBatch(withNewColumns(data), Optional.of(new SelectionVector(keep)));
  }

  /** Adds the columns a schema merge introduces, null in every row. */
  private ColumnarBatch withNewColumns(ColumnarBatch data) {
    ColumnarBatch out = data;
    for (StructField f : target.fields()) {
      if (out.getSchema().indexOf(f.getName()) < 0) {
        out = out.withNewColumn(out.getSchema().length(), f,
            new ValueVector(f.getDataType(), Collections.nCopies(data.getSize(), null)));
      }
    }
    return out;
  }

  private static int firstSelected(FilteredColumnarBatch batch) {
    ColumnVector selection = batch.getSelectionVector().orElseThrow();
    for (int i = 0; i < batch.getData().getSize(); i++) {
      if (selection.getBoolean(i)) {
        return i;
      }
    }
    throw new IllegalStateException("a kept batch without a selected row");
  }

  private static CloseableIterator<FilteredColumnarBatch> prepend(
      FilteredColumnarBatch first, CloseableIterator<FilteredColumnarBatch> rest) {
    return new CloseableIterator<>() {
      private boolean firstTaken;

      @Override
      public boolean hasNext() {
        return !firstTaken || rest.hasNext();
      }

      @Override
      public FilteredColumnarBatch next() {
        if (!firstTaken) {
          firstTaken = true;
          return first;
        }
        if (!rest.hasNext()) {
          throw new NoSuchElementException();
        }
        return rest.next();
      }

      @Override
      public void close() throws IOException {
        rest.close();
      }
    };
  }
}
