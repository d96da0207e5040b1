package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.Row;
import io.deltalake4j.internal.kernel.VectorBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A write's rows grouped by partition within a memory budget: past it, the largest group goes to
 * a temporary Parquet file on local disk (no statistics) and is read back when its
 * partition is written. Within a partition, rows keep their input order. The files live in one
 * spill directory of this process ({@link SpillDirectories}), created at the first spill; closing
 * deletes it, and one a crash left behind is removed by a later write's sweep.
 */
final class PartitionedRows implements AutoCloseable {

  private final Engine engine;
  private final StructType schema;
  private final int[] partitionIndexes;
  private final long budget;
  private final Function<List<Row>, ColumnarBatch> toBatch;
  private final java.nio.file.Path spillParent;

  private final Map<List<Object>, Group> groups = new LinkedHashMap<>();
  private long buffered;
  private SpillDirectories.Owned spillDir;
  private int spills;

  /** One partition's rows: those spilled, then those in memory. */
  private static final class Group {
    final List<FileStatus> spilled = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    long bytes;
  }

  /**
   * @param schema the rows' schema, as Kernel types
   * @param budget the estimated heap the rows in memory may take
   * @param toBatch turns a list of rows into a batch, checking them; it runs once for every row
   * @param spillParent the local directory to create this write's spill directory in
   */
  PartitionedRows(
      Engine engine, StructType schema, int[] partitionIndexes, long budget, Function<List<Row>, ColumnarBatch> toBatch,
      java.nio.file.Path spillParent) {
    this.engine = engine;
    this.schema = schema;
    this.partitionIndexes = partitionIndexes;
    this.budget = budget;
    this.toBatch = toBatch;
    this.spillParent = spillParent;
  }

  void add(Row row) {
    Group group = groups.computeIfAbsent(key(row), k -> new Group());
    long size = RowSizes.of(row);
    group.rows.add(row);
    group.bytes += size;
    buffered += size;
    if (buffered > budget) {
      // Down to half the budget, largest groups first: fewer, larger spills than one group at a time.
      while (buffered > budget / 2) {
        spill(groups.values().stream().max(Comparator.comparingLong(g -> g.bytes)).orElseThrow());
      }
    }
  }

  /** How many times a group was spilled to disk. */
  int spills() {
    return spills;
  }

  /**
   * Hands each partition's key and batches to {@code write}, in the order partitions first
   * appeared; the batches are read lazily and closed by the consumer.
   */
  void forEachPartition(BiConsumer<List<Object>, CloseableIterator<FilteredColumnarBatch>> write) {
    for (Map.Entry<List<Object>, Group> e : groups.entrySet()) {
      Group group = e.getValue();
      List<Row> rows = group.rows;
      group.rows = new ArrayList<>();
      buffered -= group.bytes;
      group.bytes = 0;
      write.accept(e.getKey(), concat(readSpilled(group.spilled), inMemory(rows)));
    }
  }

  /** The row's partition values; an empty string groups with null, as Spark stores both as null. */
  private List<Object> key(Row row) {
    List<Object> key = new ArrayList<>(partitionIndexes.length);
    for (int i : partitionIndexes) {
      Object v = row.get(i);
      key.add("".equals(v) ? null : v);
    }
    return key;
  }

  private void spill(Group group) {
    try {
      if (spillDir == null) {
        spillDir = SpillDirectories.create(spillParent);
      }
      String dir = spillDir.path().resolve(Integer.toString(spills++)).toUri().toString();
      try (CloseableIterator<DataFileStatus> written =
          engine.getParquetHandler().writeParquetFiles(dir, inMemory(group.rows), List.of())) {
        while (written.hasNext()) {
          group.spilled.add(written.next());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot spill rows of a partitioned write to local directory "
          + (spillDir == null ? spillParent : spillDir.path()) + ": " + e.getMessage() + ". Free space there, or set "
          + SpillDirectories.SPILL_DIR + " to another local directory.", e);
    }
    buffered -= group.bytes;
    group.rows = new ArrayList<>();
    group.bytes = 0;
  }

  private CloseableIterator<FilteredColumnarBatch> inMemory(List<Row> rows) {
    return new CloseableIterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < rows.size();
      }

      @Override
      public FilteredColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int end = Math.min(rows.size(), next + DataFileWriter.BATCH_ROWS);
        ColumnarBatch batch = toBatch.apply(rows.subList(next, end));
        next = end;
        return new FilteredColumnarBatch(batch, Optional.empty());
      }

      @Override
      public void close() {}
    };
  }

  private CloseableIterator<FilteredColumnarBatch> readSpilled(List<FileStatus> files) {
    if (files.isEmpty()) {
      return Utils.toCloseableIterator(List.<FilteredColumnarBatch>of().iterator());
    }
    try {
      return engine.getParquetHandler()
          .readParquetFiles(Utils.toCloseableIterator(files.iterator()), schema, Optional.empty())
          .map(r -> new FilteredColumnarBatch(reschemed(r.getData()), Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read back rows spilled to local disk: " + e.getMessage(), e);
    }
  }

  private static CloseableIterator<FilteredColumnarBatch> concat(
      CloseableIterator<FilteredColumnarBatch> first, CloseableIterator<FilteredColumnarBatch> second) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || second.hasNext();
      }

      @Override
      public FilteredColumnarBatch next() {
        return first.hasNext() ? first.next() : second.next();
      }

      @Override
      public void close() throws IOException {
        Utils.closeCloseables(first, second);
      }
    };
  }

  @Override
  public void close() throws IOException {
    groups.clear();
    if (spillDir != null) {
      spillDir.close();
    }
  }

  /**
   * A batch read back from a spill file, under the exact schema it was written with (the reader's
   * may differ in field metadata, and the writer requires one schema for all its batches), as a
   * batch that supports every column edit Kernel's write transform makes.
   */
  private VectorBatch reschemed(ColumnarBatch data) {
    List<ColumnVector> columns = new ArrayList<>(schema.length());
    for (int c = 0; c < schema.length(); c++) {
      columns.add(data.getColumnVector(c));
    }
    return new VectorBatch(schema, columns, data.getSize());
  }
}
