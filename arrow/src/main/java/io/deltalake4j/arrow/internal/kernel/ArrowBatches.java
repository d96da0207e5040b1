package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.arrow.internal.ArrowShapes;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.internal.kernel.VectorBatch;
import io.deltalake4j.internal.kernel.write.WriteInput;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Arrow batches as a write's columnar input: each Arrow batch is handed to the write as Kernel
 * vectors over the same buffers, no copy. Opening checks the Arrow schema against the schema the
 * write takes. Nothing here closes the reader or the root: their owner does, after the commit.
 */
public final class ArrowBatches implements WriteInput.Batches {

  /** Loads the next batch into {@link #root()}; false at the end. */
  private interface Source {
    VectorSchemaRoot root() throws IOException;

    boolean load() throws IOException;
  }

  private final Source source;

  private ArrowBatches(Source source) {
    this.source = source;
  }

  /** The reader's batches, loaded one by one as the write pulls them. */
  public static ArrowBatches of(ArrowReader reader) {
    return new ArrowBatches(new Source() {
      @Override
      public VectorSchemaRoot root() throws IOException {
        return reader.getVectorSchemaRoot();
      }

      @Override
      public boolean load() throws IOException {
        return reader.loadNextBatch();
      }
    });
  }

  /** One batch. */
  public static ArrowBatches of(VectorSchemaRoot root) {
    return new ArrowBatches(new Source() {
      private boolean loaded;

      @Override
      public VectorSchemaRoot root() {
        return root;
      }

      @Override
      public boolean load() {
        boolean first = !loaded;
        loaded = true;
        return first;
      }
    });
  }

  @Override
  public CloseableIterator<ColumnarBatch> open(StructType rowSchema) {
    VectorSchemaRoot root = io(source::root);
    ArrowShapes.require(root.getSchema(), rowSchema);
    io.delta.kernel.types.StructType kernel = Schemas.toKernel(rowSchema);
    return new CloseableIterator<>() {
      private Boolean loaded;

      @Override
      public boolean hasNext() {
        if (loaded == null) {
          loaded = io(source::load);
        }
        return loaded;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        loaded = null;
        List<ColumnVector> columns = new ArrayList<>(kernel.length());
        for (int c = 0; c < kernel.length(); c++) {
          columns.add(new ArrowColumnVector(kernel.at(c).getDataType(), root.getVector(c)));
        }
        return new VectorBatch(kernel, columns, root.getRowCount());
      }

      @Override
      public void close() {}
    };
  }

  private interface IoStep<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoStep<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new DeltaIOException("Cannot read the next Arrow batch to write: " + e.getMessage(), e);
    }
  }
}
