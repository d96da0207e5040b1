package io.deltalake4j.arrow.internal.kernel.parquet;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.internal.kernel.VectorBatch;
import io.deltalake4j.arrow.internal.kernel.ArrowColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;

/**
 * One Parquet file decoded column by column into Arrow vectors, as Kernel batches of at most
 * {@code batchSize} rows that never span row groups. The iterator owns the vectors of the batch it
 * returned last and frees them when asked for the next one, or when closed.
 */
final class ParquetArrowFile implements CloseableIterator<ColumnarBatch> {

  private final ParquetFileReader reader;
  private final StructType schema;
  private final List<ColumnPlan> plans;
  private final List<Field> fields;
  private final MessageType requested;
  private final String createdBy;
  private final BufferAllocator allocator;
  private final int batchSize;

  private PageReadStore rowGroup;
  private ColumnReadStoreImpl columns;
  private final java.util.Map<org.apache.parquet.column.ColumnDescriptor, ColumnReader> readers = new java.util.HashMap<>();
  private final java.util.Map<org.apache.parquet.column.ColumnDescriptor, PageDecoder> pageDecoders = new java.util.HashMap<>();
  private final java.util.Map<ColumnPlan, NestedDecoder> nestedDecoders = new java.util.IdentityHashMap<>();
  private long rowGroupStart;
  private long rowsLeft;
  private long position;
  private final List<FieldVector> current = new ArrayList<>();
  private boolean closed;

  ParquetArrowFile(
      ParquetFileReader reader, StructType schema, ColumnPlanner.Planned planned, List<Field> fields,
      BufferAllocator allocator, int batchSize) {
    this.reader = reader;
    this.schema = schema;
    this.plans = planned.columns();
    this.fields = fields;
    this.requested = planned.requestedSchema();
    this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    this.allocator = allocator;
    this.batchSize = batchSize;
    reader.setRequestedSchema(requested);
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      while (rowsLeft == 0) {
        if (rowGroup != null) {
          rowGroup.close();
          rowGroup = null;
        }
        rowGroup = reader.readNextRowGroup();
        if (rowGroup == null) {
          return false;
        }
        rowsLeft = rowGroup.getRowCount();
        rowGroupStart = rowGroup.getRowIndexOffset().orElseThrow(
            () -> new IllegalStateException("Parquet reader gave no row index for a row group"));
        position = 0;
        readers.clear();
        pageDecoders.clear();
        nestedDecoders.clear();
        columns = rowsLeft == 0 || requested.getFieldCount() == 0
            ? null : new ColumnReadStoreImpl(rowGroup, converters(requested), requested, createdBy);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public ColumnarBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    release();
    int n = (int) Math.min(batchSize, rowsLeft);
    List<ColumnVector> vectors = new ArrayList<>(plans.size());
    for (int c = 0; c < plans.size(); c++) {
      FieldVector v = fields.get(c).createVector(allocator);
      current.add(v);
      decode(plans.get(c), v, n, new int[n]);
      vectors.add(new ArrowColumnVector(plans.get(c).type(), v));
    }
    rowsLeft -= n;
    position += n;
    return new VectorBatch(schema, vectors, n);
  }

  /**
   * Decodes {@code n} rows of one planned column into {@code out}; {@code levels} receives the
   * definition levels of the column's first leaf.
   */
  private void decode(ColumnPlan plan, FieldVector out, int n, int[] levels) {
    out.setInitialCapacity(n);
    out.allocateNew();
    if (ColumnPlan.repeats(plan)) {
      nestedDecoders.computeIfAbsent(plan, p -> new NestedDecoder(p, this::reader)).decode(out, n);
      java.util.Arrays.fill(levels, -1); // a column of its own: no enclosing struct asks
    } else if (plan instanceof ColumnPlan.Leaf l) {
      if (PageDecoder.handles(l.column(), l.kind(), out)) {
        pageDecoder(l).decode(n, out, levels);
      } else {
        LeafDecoder.decode(reader(l), l.kind(), n, out, levels);
      }
    } else if (plan instanceof ColumnPlan.Missing) {
      out.setValueCount(n); // validity all zero: null
      java.util.Arrays.fill(levels, -1);
    } else if (plan instanceof ColumnPlan.RowIndex) {
      BigIntVector index = (BigIntVector) out;
      for (int i = 0; i < n; i++) {
        index.set(i, rowGroupStart + position + i);
      }
      index.setValueCount(n);
    } else {
      ColumnPlan.Struct s = (ColumnPlan.Struct) plan;
      StructVector struct = (StructVector) out;
      int[] first = null;
      for (int c = 0; c < s.fields().size(); c++) {
        int[] childLevels = new int[n];
        decode(s.fields().get(c), (FieldVector) struct.getChildByOrdinal(c), n, childLevels);
        if (first == null && !(s.fields().get(c) instanceof ColumnPlan.Missing)) {
          first = childLevels;
        }
      }
      for (int i = 0; i < n; i++) {
        if (first[i] >= s.definitionLevel()) {
          struct.setIndexDefined(i);
        } else {
          struct.setNull(i);
        }
      }
      struct.setValueCount(n);
      System.arraycopy(first, 0, levels, 0, n);
    }
  }

  private ColumnReader reader(ColumnPlan.Leaf leaf) {
    return reader(leaf.column());
  }

  private ColumnReader reader(org.apache.parquet.column.ColumnDescriptor column) {
    return readers.computeIfAbsent(column, columns::getColumnReader);
  }

  private PageDecoder pageDecoder(ColumnPlan.Leaf leaf) {
    return pageDecoders.computeIfAbsent(leaf.column(), c -> {
      try {
        return new PageDecoder(c, rowGroup.getPageReader(c), leaf.kind());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Frees the vectors of the batch returned last. */
  private void release() {
    for (FieldVector v : current) {
      v.close();
    }
    current.clear();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    release();
    try {
      if (rowGroup != null) {
        rowGroup.close();
      }
    } catch (Exception e) {
      // Already at the end or failing; the reader below is closed regardless.
    } finally {
      reader.close();
    }
  }

  /** Converters are required by parquet-mr's column store; values are read through the getters instead. */
  private static GroupConverter converters(GroupType group) {
    Converter[] children = new Converter[group.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      children[i] = group.getType(i).isPrimitive() ? new PrimitiveConverter() {} : converters(group.getType(i).asGroupType());
    }
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
  }
}
