package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.ConstraintViolationException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.internal.kernel.KernelEngine;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.KernelPredicates;
import io.deltalake4j.internal.kernel.ValueReader;
import io.deltalake4j.internal.kernel.VectorBatch;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes rows as Parquet data files: split by partition values into Hive-style directories, rolled
 * over at the target size, with statistics; collects the {@code add} actions.
 *
 * <p>Memory stays bounded: rows of an unpartitioned table stream into the writer batch by batch;
 * rows of a partitioned table are grouped in memory up to {@link #BUFFER_BYTES}, beyond which the
 * largest group is spilled to a local temporary Parquet file ({@link PartitionedRows}), so each
 * partition still gets as few files as the target size allows. Every file the writer creates is
 * recorded before it exists, so a failed write can remove them all. Not thread-safe.
 */
final class DataFileWriter {

  /** Setting: bytes of rows (estimated as heap) a partitioned write groups in memory before spilling. */
  static final String BUFFER_BYTES = "deltalake4j.write.bufferBytes";

  /** Rows handed to Kernel's Parquet writer at a time. */
  static final int BATCH_ROWS = 4096;

  private final Engine engine;
  private final Engine fileEngine;
  private final io.delta.kernel.data.Row txnState;
  private final StructType schema;
  private final io.delta.kernel.types.StructType kernelSchema;
  private final int[] partitionIndexes;
  private final List<String> partitionColumns;
  private final String location;
  private final Configuration conf;
  private final Constraint constraint;
  private final long bufferBytes;

  private final List<io.delta.kernel.data.Row> actions = new ArrayList<>();
  private final List<String> created = new ArrayList<>();
  private int files;
  private long rows;
  private long bytes;

  /** Rows must satisfy {@code predicate} (SQL: TRUE, not NULL); {@code text} names it in errors. */
  record Constraint(io.delta.kernel.expressions.Predicate predicate, String text) {}

  /** What had been written at one point, to go back to ({@link #rollBackTo}). */
  record Mark(int actions, int created, int files, long rows, long bytes) {}

  /**
   * @param kernel the table's engine; data files are written through a recording engine of it
   * @param targetFileSize the largest data file to write, in bytes; 0 for the engine's setting
   * @param constraint what every row must satisfy, or null
   */
  DataFileWriter(
      KernelEngine kernel,
      long targetFileSize,
      Transaction txn,
      StructType schema,
      List<String> partitionColumns,
      String location,
      Constraint constraint) {
    this.engine = kernel.engine();
    this.fileEngine = kernel.fileWriter(targetFileSize, file -> {
      PartitionPaths.requireUnder(location, file);
      created.add(file);
    });
    this.txnState = txn.getTransactionState(engine);
    this.schema = schema;
    this.kernelSchema = txn.getSchema(engine);
    this.partitionIndexes = partitionColumns.stream().mapToInt(schema::indexOf).toArray();
    this.partitionColumns = List.copyOf(partitionColumns);
    this.location = location;
    this.conf = kernel.conf();
    this.constraint = constraint;
    this.bufferBytes = kernel.conf().getLongBytes(BUFFER_BYTES, defaultBufferBytes());
  }

  /** A quarter of the heap's limit, at most 256 MiB. */
  private static long defaultBufferBytes() {
    return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * Writes what a write was given, then closes it. Batches of an unpartitioned table go to the
   * Parquet writer as they are; rows are grouped into batches. For a partitioned table every row,
   * of a batch too, is grouped by partition.
   *
   * @param shaping checks the input and brings it to the writer's schema
   * @param constrained whether the rows must satisfy the writer's constraint
   */
  void write(WriteInput input, InputShaping shaping, boolean constrained) {
    try (input) {
      if (!pulled(input::hasNext)) {
        return; // no rows, no files: Kernel is not asked to transform data it may refuse to write
      }
      if (partitionIndexes.length == 0) {
        writeFiles(Map.of(), batches(input, shaping, constrained));
        return;
      }
      try (PartitionedRows groups = new PartitionedRows(
          engine, kernelSchema, partitionIndexes, bufferBytes, chunk -> batch(chunk, constrained),
          SpillDirectories.parent(conf.get(SpillDirectories.SPILL_DIR)))) {
        while (pulled(input::hasNext)) {
          if (input.atBatch()) {
            ColumnarBatch batch = pulled(() -> shaping.batch(input.nextBatch()));
            for (int i = 0; i < batch.getSize(); i++) {
              groups.add(withPathSafePartitionValues(row(batch, i)));
            }
          } else {
            groups.add(withPathSafePartitionValues(pulled(() -> shaping.row(input.nextRow()))));
          }
        }
        groups.forEachPartition((key, batches) -> writeFiles(partitionValues(key), batches));
      } catch (IOException | java.io.UncheckedIOException e) {
        throw KernelErrors.translate("write data files to table " + location, e);
      }
    } catch (InputFailed e) {
      throw (RuntimeException) e.getCause();
    }
  }

  /**
   * Writes the selected rows of logical batches that all belong to one partition, as files of
   * this write.
   */
  void writeBatches(Map<String, Literal> partitionValues, CloseableIterator<FilteredColumnarBatch> logical) {
    writeFiles(partitionValues, logical);
  }

  /** The partition values of a logical row of the table. */
  Map<String, Literal> partitionValues(ColumnarBatch data, int row) {
    List<Object> key = new ArrayList<>(partitionIndexes.length);
    for (int i : partitionIndexes) {
      StructField f = schema.field(i);
      int column = data.getSchema().indexOf(f.name());
      key.add(ValueReader.read(data.getColumnVector(column), row, f.type()));
    }
    return partitionValues(key);
  }

  Mark mark() {
    return new Mark(actions.size(), created.size(), files, rows, bytes);
  }

  /** Takes back everything written since {@code mark}: its files are deleted. */
  void rollBackTo(Mark mark) {
    List<String> since = created.subList(mark.created(), created.size());
    DeltaException failed = null;
    for (String file : since) {
      try {
        delete(file);
      } catch (IOException | RuntimeException e) {
        if (failed == null) {
          failed = new io.deltalake4j.exceptions.DeltaIOException(
              "Cannot remove data file " + file + " of a write to table " + location + ": " + e.getMessage(), e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
    since.clear();
    actions.subList(mark.actions(), actions.size()).clear();
    files = mark.files();
    rows = mark.rows();
    bytes = mark.bytes();
  }

  List<io.delta.kernel.data.Row> addActions() {
    return actions;
  }

  int files() {
    return files;
  }

  long rows() {
    return rows;
  }

  long bytes() {
    return bytes;
  }

  /** Removes every file this writer created; failures are added to {@code cause} as suppressed. */
  void deleteWrittenFiles(Throwable cause) {
    for (String file : created) {
      try {
        delete(file);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private void delete(String file) throws IOException {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    fs.delete(p, false);
  }

  /**
   * The row, if its partition values can name a directory: a NUL character cannot, on any file
   * system, and is refused before any file is written.
   */
  private Row withPathSafePartitionValues(Row row) {
    for (int i : partitionIndexes) {
      if (row.get(i) instanceof String v && v.indexOf('\0') >= 0) {
        throw new ConstraintViolationException("Cannot write to table " + location + ": partition column "
            + schema.field(i).name() + " has a value with a NUL character (\"" + v.replace("\0", "\\0")
            + "\"), which no file system allows in a directory name. Nothing was written. Remove the character.");
      }
    }
    return row;
  }

  /** Partition values by column name; an empty string is stored as null, as Spark stores it. */
  private Map<String, Literal> partitionValues(List<Object> key) {
    Map<String, Literal> values = new HashMap<>();
    for (int i = 0; i < partitionIndexes.length; i++) {
      StructField f = schema.field(partitionIndexes[i]);
      Object v = key.get(i);
      values.put(f.name(), KernelPredicates.literal("".equals(v) ? null : v, f.type()));
    }
    return values;
  }

  private void writeFiles(Map<String, Literal> partitionValues, CloseableIterator<FilteredColumnarBatch> logical) {
    try (CloseableIterator<FilteredColumnarBatch> input = logical) {
      CloseableIterator<FilteredColumnarBatch> physical =
          Transaction.transformLogicalData(engine, txnState, input, partitionValues);
      DataWriteContext ctx = Transaction.getWriteContext(engine, txnState, partitionValues);
      CloseableIterator<DataFileStatus> written = fileEngine.getParquetHandler()
          .writeParquetFiles(PartitionPaths.directory(location, ctx.getTargetDirectory(), partitionColumns,
              partitionValues), physical, ctx.getStatisticsColumns())
          .filter(this::keep);
      try (CloseableIterator<io.delta.kernel.data.Row> added =
          Transaction.generateAppendActions(engine, txnState, written, ctx)) {
        added.forEachRemaining(actions::add);
      }
    } catch (IOException | RuntimeException e) {
      RuntimeException ours = ourCause(e);
      throw ours != null ? ours : KernelErrors.translate("write data files to table " + location, e);
    }
  }

  /**
   * Counts a file written; drops one without rows, which Kernel's writer leaves when a file rolls
   * over just before rows that are all deselected.
   */
  private boolean keep(DataFileStatus file) {
    long records = file.getStatistics().map(s -> s.getNumRecords()).orElse(-1L);
    if (records == 0) {
      try {
        delete(file.getPath());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return false;
    }
    files++;
    rows += Math.max(records, 0);
    bytes += file.getSize();
    return true;
  }

  /**
   * The input as batches of the writer's schema, each checked against the constraint: batches
   * given as they are, rows in batches of at most {@link #BATCH_ROWS}.
   */
  private CloseableIterator<FilteredColumnarBatch> batches(WriteInput input, InputShaping shaping, boolean constrained) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return pulled(input::hasNext);
      }

      @Override
      public FilteredColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ColumnarBatch batch;
        if (input.atBatch()) {
          batch = reschemed(pulled(() -> shaping.batch(input.nextBatch())));
          if (constrained) {
            checkConstraint(batch, i -> row(batch, i));
          }
        } else {
          List<Row> chunk = new ArrayList<>(BATCH_ROWS);
          while (chunk.size() < BATCH_ROWS && pulled(input::hasNext) && !input.atBatch()) {
            chunk.add(pulled(() -> shaping.row(input.nextRow())));
          }
          batch = batch(chunk, constrained);
        }
        return new FilteredColumnarBatch(batch, Optional.empty());
      }

      @Override
      public void close() {}
    };
  }

  /**
   * A step of pulling the caller's input (and checking it), whose failure must reach the caller
   * unchanged, also from inside Kernel's writer loop.
   */
  private static <T> T pulled(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (InputFailed e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InputFailed(e);
    }
  }

  /** A batch's columns under the writer's schema, which Kernel's writer requires of every batch. */
  private VectorBatch reschemed(ColumnarBatch batch) {
    List<ColumnVector> columns = new ArrayList<>(kernelSchema.length());
    for (int c = 0; c < kernelSchema.length(); c++) {
      columns.add(batch.getColumnVector(c));
    }
    return new VectorBatch(kernelSchema, columns, batch.getSize());
  }

  /** Row {@code i} of a checked batch of the writer's schema. */
  private Row row(ColumnarBatch batch, int i) {
    Object[] values = new Object[schema.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = ValueReader.read(batch.getColumnVector(c), i, schema.field(c).type());
    }
    return new ArrayRow(schema, values);
  }

  private ColumnarBatch batch(List<Row> chunk, boolean constrained) {
    VectorBatch batch = VectorBatch.ofRows(kernelSchema, chunk);
    if (constrained) {
      checkConstraint(batch, chunk::get);
    }
    return batch;
  }

  private void checkConstraint(ColumnarBatch batch, java.util.function.IntFunction<Row> rows) {
    if (constraint == null) {
      return;
    }
    try (ColumnVector matches = engine.getExpressionHandler()
        .getPredicateEvaluator(kernelSchema, constraint.predicate())
        .eval(batch, Optional.empty())) {
      for (int i = 0; i < batch.getSize(); i++) {
        if (matches.isNullAt(i) || !matches.getBoolean(i)) {
          throw new ConstraintViolationException(
              "Cannot overwrite " + constraint.text() + " in table " + location + ": the row " + rows.apply(i)
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
   * The error to report when it was thrown from inside Kernel's writer loop: the caller's rows'
   * own failure as it was thrown, or ours (a bad row, a violated constraint); else null.
   */
  private static RuntimeException ourCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InputFailed f) {
        return (RuntimeException) f.getCause();
      }
      if (t instanceof DeltaException d) {
        return d;
      }
    }
    return null;
  }

  /** Carries a failure of the caller's row iterator through Kernel's writer unchanged. */
  private static final class InputFailed extends RuntimeException {
    InputFailed(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

}
