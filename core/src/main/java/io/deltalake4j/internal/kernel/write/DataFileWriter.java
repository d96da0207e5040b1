package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.ConstraintViolationException;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.KernelPredicates;
import io.deltalake4j.internal.kernel.RowBatch;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes rows as Parquet data files: split by partition values into Hive-style directories, rolled
 * over at the target size, with statistics; collects the {@code add} actions. Remembers every file
 * it wrote, so a failed write can remove them. Not thread-safe.
 */
final class DataFileWriter {

  /** Rows held in memory across all partitions before the largest partition is written out. */
  static final int MAX_BUFFERED_ROWS = 500_000;

  private final Engine engine;
  private final Engine fileEngine;
  private final io.delta.kernel.data.Row txnState;
  private final StructType schema;
  private final io.delta.kernel.types.StructType kernelSchema;
  private final int[] partitionIndexes;
  private final String location;
  private final Configuration conf;
  private final Constraint constraint;

  private final List<io.delta.kernel.data.Row> actions = new ArrayList<>();
  private final List<String> writtenFiles = new ArrayList<>();
  private long rows;
  private long bytes;

  /** Rows must satisfy {@code predicate} (SQL: TRUE, not NULL); {@code text} names it in errors. */
  record Constraint(Predicate predicate, String text) {}

  /**
   * @param engine the engine of the transaction
   * @param fileEngine the engine whose Parquet writer writes the files (it may carry this write's
   *     target file size)
   * @param constraint what every row must satisfy, or null
   */
  DataFileWriter(
      Engine engine,
      Engine fileEngine,
      Transaction txn,
      StructType schema,
      List<String> partitionColumns,
      String location,
      Configuration conf,
      Constraint constraint) {
    this.engine = engine;
    this.fileEngine = fileEngine;
    this.txnState = txn.getTransactionState(engine);
    this.schema = schema;
    this.kernelSchema = txn.getSchema(engine);
    this.partitionIndexes = partitionColumns.stream().mapToInt(schema::indexOf).toArray();
    this.location = location;
    this.conf = conf;
    this.constraint = constraint;
  }

  /**
   * Writes checked rows of the writer's schema, buffering per partition.
   *
   * @param constrained whether the rows must satisfy the writer's constraint
   */
  void write(Iterator<Row> input, boolean constrained) {
    Map<List<Object>, List<Row>> buffers = new HashMap<>();
    int buffered = 0;
    while (input.hasNext()) {
      Row row = input.next();
      buffers.computeIfAbsent(partitionKey(row), k -> new ArrayList<>()).add(row);
      if (++buffered >= MAX_BUFFERED_ROWS) {
        Map.Entry<List<Object>, List<Row>> largest = buffers.entrySet().stream()
            .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow();
        buffered -= largest.getValue().size();
        buffers.remove(largest.getKey());
        writePartition(largest.getKey(), largest.getValue(), constrained);
      }
    }
    for (Map.Entry<List<Object>, List<Row>> e : buffers.entrySet()) {
      writePartition(e.getKey(), e.getValue(), constrained);
    }
  }

  List<io.delta.kernel.data.Row> addActions() {
    return actions;
  }

  int files() {
    return writtenFiles.size();
  }

  long rows() {
    return rows;
  }

  long bytes() {
    return bytes;
  }

  /** Removes every file written; failures are added to {@code cause} as suppressed. */
  void deleteWrittenFiles(Throwable cause) {
    for (String file : writtenFiles) {
      try {
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf);
        fs.delete(p, false);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** The row's partition values; an empty string is stored as null, as Spark stores it. */
  private List<Object> partitionKey(Row row) {
    List<Object> key = new ArrayList<>(partitionIndexes.length);
    for (int i : partitionIndexes) {
      Object v = row.get(i);
      key.add("".equals(v) ? null : v);
    }
    return key;
  }

  private void writePartition(List<Object> key, List<Row> partitionRows, boolean constrained) {
    Map<String, Literal> partitionValues = new HashMap<>();
    for (int i = 0; i < partitionIndexes.length; i++) {
      StructField f = schema.field(partitionIndexes[i]);
      partitionValues.put(f.name(), KernelPredicates.literal(key.get(i), f.type()));
    }
    RowBatch batch = RowBatch.of(kernelSchema, partitionRows);
    if (constrained) {
      checkConstraint(batch, partitionRows);
    }
    try {
      CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(
          engine, txnState, Utils.singletonCloseableIterator(new FilteredColumnarBatch(batch, Optional.empty())),
          partitionValues);
      DataWriteContext ctx = Transaction.getWriteContext(engine, txnState, partitionValues);
      CloseableIterator<DataFileStatus> files = fileEngine.getParquetHandler()
          .writeParquetFiles(targetDirectory(ctx), physical, ctx.getStatisticsColumns())
          .map(this::recordFile);
      try (CloseableIterator<io.delta.kernel.data.Row> added = Transaction.generateAppendActions(engine, txnState, files, ctx)) {
        added.forEachRemaining(actions::add);
      }
      rows += partitionRows.size();
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("write data files to table " + location, e);
    }
  }

  private void checkConstraint(RowBatch batch, List<Row> partitionRows) {
    if (constraint == null) {
      return;
    }
    try (ColumnVector matches = engine.getExpressionHandler()
        .getPredicateEvaluator(kernelSchema, constraint.predicate())
        .eval(batch, Optional.empty())) {
      for (int i = 0; i < batch.getSize(); i++) {
        if (matches.isNullAt(i) || !matches.getBoolean(i)) {
          throw new ConstraintViolationException(
              "Cannot overwrite " + constraint.text() + " in table " + location + ": the row " + partitionRows.get(i)
                  + " is outside it" + (matches.isNullAt(i) ? " (the predicate is NULL for it)" : "")
                  + ". Write only rows the predicate covers, or widen the predicate.");
        }
      }
    } catch (ConstraintViolationException e) {
      throw e;
    } catch (Exception e) {
      throw KernelErrors.translate("check the rows written to table " + location, e);
    }
  }

  /**
   * Kernel hands the partition directory out URI-encoded ({@code p=a%2520b}) but writes to it as a
   * plain path, which would double-escape: decoded, the directory is named exactly as Spark names
   * it ({@code p=a b}, {@code p=x%2Fy}).
   */
  private static String targetDirectory(DataWriteContext ctx) {
    return new Path(URI.create(ctx.getTargetDirectory())).toString();
  }

  private DataFileStatus recordFile(DataFileStatus file) {
    writtenFiles.add(file.getPath());
    bytes += file.getSize();
    return file;
  }
}
