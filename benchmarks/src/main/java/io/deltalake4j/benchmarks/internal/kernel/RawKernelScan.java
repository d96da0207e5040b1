package io.deltalake4j.benchmarks.internal.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.expressions.PredicateEvaluator;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.delta.kernel.internal.util.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * The baseline for scans: the sales queries written straight against Delta Kernel with its default
 * engine, as a Kernel user would write them. Kernel prunes partitions and skips files by statistics;
 * the rows of the files it keeps are then filtered by hand with the remaining filter
 * ({@code Scan.getRemainingFilter}) through the engine's predicate evaluator, batch by batch. Not
 * thread-safe (JMH runs one thread here).
 */
public final class RawKernelScan {
  private final Engine engine;
  private PredicateEvaluator evaluator; // for the remaining filter, made once per batch schema
  private StructType evaluatorSchema;

  /**
   * What one run read: rows matching, data files opened and their size in the log, and the sum of
   * the matching rows' {@code transaction_id} (a checksum other paths must match).
   */
  public record Result(long rows, long files, long fileBytes, long idSum) {}

  public RawKernelScan() {
    this.engine = DefaultEngine.create(new Configuration());
  }

  /** The Kernel predicate of a benchmark query: {@code full}, {@code pruned} or {@code stats}. */
  static Predicate predicate(String query) {
    return switch (query) {
      case "full" -> null;
      case "pruned" -> new And(new Predicate("=", new Column("region"), Literal.ofString("us-east")),
          new Predicate("=", new Column("month"), Literal.ofInt(1)));
      case "stats" -> new Predicate(">=", new Column("price"), Literal.ofDecimal(new BigDecimal("990.00"), 10, 2));
      default -> throw new IllegalArgumentException("Unknown query: " + query);
    };
  }

  /**
   * Scans the table's latest version. With {@code sink}, every value of every matching row is read
   * (as a row-wise consumer would) and handed to it; without, the matching rows are only counted.
   */
  public Result run(String path, String query, Consumer<Object> sink) {
    evaluator = null; // one per run: the remaining filter differs between queries
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    ScanBuilder builder = snapshot.getScanBuilder();
    Predicate predicate = predicate(query);
    Scan scan = predicate == null ? builder.build() : builder.withFilter(predicate).build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    Optional<Predicate> residual = scan.getRemainingFilter();
    long[] counts = new long[2]; // rows, sum of transaction_id
    long files = 0;
    long fileBytes = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> batchFiles = scanFiles.next().getRows()) {
          while (batchFiles.hasNext()) {
            Row scanFile = batchFiles.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
            files++;
            fileBytes += status.getSize();
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
              while (logical.hasNext()) {
                consume(logical.next(), residual, sink, counts);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(counts[0], files, fileBytes, counts[1]);
  }

  private void consume(FilteredColumnarBatch batch, Optional<Predicate> residual, Consumer<Object> sink,
      long[] counts) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    ColumnVector matches = null;
    if (residual.isPresent()) {
      if (evaluator == null || !data.getSchema().equals(evaluatorSchema)) {
        evaluator = engine.getExpressionHandler().getPredicateEvaluator(data.getSchema(), residual.get());
        evaluatorSchema = data.getSchema();
      }
      matches = evaluator.eval(data, selection);
      selection = Optional.of(matches);
    }
    try {
      ColumnVector ids = data.getColumnVector(data.getSchema().indexOf("transaction_id"));
      for (int i = 0; i < data.getSize(); i++) {
        if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
          continue;
        }
        counts[0]++;
        counts[1] += ids.getLong(i);
        if (sink != null) {
          for (int c = 0; c < data.getSchema().length(); c++) {
            sink.accept(value(data.getColumnVector(c), i));
          }
        }
      }
    } finally {
      if (matches != null) {
        matches.close();
      }
    }
  }

  private static Object value(ColumnVector v, int i) {
    if (v.isNullAt(i)) {
      return null;
    }
    DataType type = v.getDataType();
    if (type instanceof LongType) {
      return v.getLong(i);
    } else if (type instanceof IntegerType || type instanceof DateType) {
      return v.getInt(i);
    } else if (type instanceof StringType) {
      return v.getString(i);
    } else if (type instanceof DecimalType) {
      return v.getDecimal(i);
    }
    throw new UnsupportedOperationException("No reader for " + type + " in the baseline");
  }
}
