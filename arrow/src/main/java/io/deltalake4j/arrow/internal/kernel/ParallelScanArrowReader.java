package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.internal.kernel.FileBatches;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.ScanRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A scan as an Arrow reader that decodes several data files at once, on a pool of its own
 * threads. Each file's batches arrive through a small queue, so memory holds a few decoded
 * batches per thread (up to three queued and one being built) besides the one handed out. In order, batches come file by
 * file in the scan's order; unordered, from whichever file is ready. Batches are not merged.
 */
final class ParallelScanArrowReader extends ArrowReader {

  private static final int QUEUED_PER_FILE = 2;

  /** A file's decoded batch, its end, or its failure. */
  private record Piece(VectorSchemaRoot root, RuntimeException failure) {
    static final Piece END = new Piece(null, null);
  }

  private final ScanRunner runner;
  private final Schema schema;
  private final int threads;
  private final boolean ordered;
  private final io.deltalake4j.internal.kernel.DataFileReader files;
  private final ExecutorService pool;
  private final Deque<BlockingQueue<Piece>> inFlight = new ArrayDeque<>();
  private final BlockingQueue<Piece> shared;
  private int running;
  private FileBatches listing;
  private boolean listed;
  private long returned;
  private volatile boolean cancelled;
  private RuntimeException failure;

  ParallelScanArrowReader(
      ScanRunner runner, Schema schema, int threads, boolean ordered,
      io.deltalake4j.internal.kernel.DataFileReader files, BufferAllocator allocator) {
    super(allocator);
    this.runner = runner;
    this.schema = schema;
    this.threads = threads;
    this.ordered = ordered;
    this.files = files;
    this.shared = ordered ? null : new ArrayBlockingQueue<>(QUEUED_PER_FILE * threads + threads);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "deltalake4j-arrow-scan-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    if (failure != null) {
      throw failure; // a file failed: the scan cannot go on past it
    }
    prepareLoadNextBatch();
    long limit = runner.limit();
    if (limit >= 0 && returned >= limit) {
      return false;
    }
    try {
      startFiles();
      while (running > 0) {
        BlockingQueue<Piece> queue = ordered ? inFlight.peekFirst() : shared;
        Piece piece = queue.take();
        if (piece == Piece.END) {
          if (ordered) {
            inFlight.pollFirst();
          }
          running--;
          startFiles();
          continue;
        }
        if (piece.failure() != null) {
          if (ordered) {
            inFlight.pollFirst();
          }
          running--;
          failure = piece.failure();
          throw failure;
        }
        int n = moveIntoRoot(piece.root(), limit < 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, limit - returned));
        returned += n;
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeltaException("Cannot read table " + runner.location() + ": interrupted while waiting for data.", e);
    }
  }

  /** Starts reading files until as many as there are threads are in flight. */
  private void startFiles() {
    if (listing == null) {
      listing = runner.batches(files);
    }
    while (running < threads && !listed) {
      FileBatches.DataFile file = listing.nextFile();
      if (file == null) {
        listed = true;
        return;
      }
      BlockingQueue<Piece> queue = ordered ? new ArrayBlockingQueue<>(QUEUED_PER_FILE + 1) : shared;
      if (ordered) {
        inFlight.addLast(queue);
      }
      running++;
      pool.execute(() -> decode(file, queue));
    }
  }

  /**
   * On a pool thread: the file's matching rows, batch by batch, into the queue, then always a last
   * piece, its end or its failure (whatever was thrown), so the consumer never waits in vain.
   */
  private void decode(FileBatches.DataFile file, BlockingQueue<Piece> queue) {
    Piece last = Piece.END;
    try (CloseableIterator<FilteredColumnarBatch> batches = file.open()) {
      while (batches.hasNext() && !cancelled) {
        FilteredColumnarBatch batch = batches.next();
        int[] rows = ScanArrowReader.selected(batch);
        if (rows.length == 0) {
          continue;
        }
        VectorSchemaRoot root = piece(batch.getData(), rows);
        if (!offer(queue, new Piece(root, null))) {
          root.close();
          return;
        }
      }
    } catch (Throwable e) {
      String what = "read file " + file.path() + " of table " + runner.location();
      last = new Piece(null, e instanceof RuntimeException || e instanceof java.io.IOException
          ? KernelErrors.translate(what, e) : new DeltaException("Cannot " + what + ": " + e, e));
    } finally {
      offer(queue, last);
    }
  }

  private boolean offer(BlockingQueue<Piece> queue, Piece piece) {
    try {
      while (!cancelled) {
        if (queue.offer(piece, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The batch's selected rows as Arrow vectors the piece owns. */
  private VectorSchemaRoot piece(ColumnarBatch data, int[] rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      int[] taken = rows.length == data.getSize() ? null : rows;
      for (int c = 0; c < vectors.size(); c++) {
        ColumnVector source = data.getColumnVector(data.getSchema().indexOf(schema.getFields().get(c).getName()));
        KernelToArrow.moveOrCopy(source, taken, rows.length, vectors.get(c));
        vectors.get(c).setValueCount(rows.length);
      }
      root.setRowCount(rows.length);
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Moves a piece's vectors into the reader's root (at most {@code max} rows of it) and frees the piece. */
  private int moveIntoRoot(VectorSchemaRoot piece, int max) throws java.io.IOException {
    try (piece) {
      VectorSchemaRoot root = getVectorSchemaRoot();
      int n = Math.min(piece.getRowCount(), max);
      for (int c = 0; c < root.getFieldVectors().size(); c++) {
        FieldVector target = root.getVector(c);
        target.clear();
        piece.getVector(c).makeTransferPair(target).transfer();
        target.setValueCount(n);
      }
      root.setRowCount(n);
      return n;
    }
  }

  @Override
  public long bytesRead() {
    return listing == null ? 0 : listing.bytesRead();
  }

  /** Stops the pool, frees every batch still queued, then closes the reader's own allocator. */
  @Override
  protected void closeReadSource() {
    cancelled = true;
    try {
      pool.shutdownNow();
      boolean stopped = pool.awaitTermination(30, TimeUnit.SECONDS);
      List<BlockingQueue<Piece>> queues = new ArrayList<>(inFlight);
      if (shared != null) {
        queues.add(shared);
      }
      for (BlockingQueue<Piece> q : queues) {
        for (Piece p; (p = q.poll()) != null; ) {
          if (p.root() != null) {
            p.root().close();
          }
        }
      }
      if (listing != null) {
        listing.close();
      }
      if (!stopped) {
        throw new IllegalStateException("the decoding threads of a scan of " + runner.location() + " did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      allocator.close();
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
