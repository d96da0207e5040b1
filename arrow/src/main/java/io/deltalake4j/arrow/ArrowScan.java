package io.deltalake4j.arrow;

import io.deltalake4j.Scan;
import io.deltalake4j.arrow.internal.kernel.ScanArrowReader;
import io.deltalake4j.internal.ScanAccess;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link Scan} read into Apache Arrow: the same version, columns, filter and limit, as batches
 * of exactly the matching rows. Immutable; every setting returns a new one.
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator();
 *     ArrowReader reader = ArrowScan.of(table.scan().where("region = 'us-east'")).open(allocator)) {
 *   while (reader.loadNextBatch()) {
 *     VectorSchemaRoot batch = reader.getVectorSchemaRoot();   // owned by the reader
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Data files are decoded column by column straight into Arrow vectors: flat columns page by
 * page, lists and maps from their repetition and definition levels. Row groups are skipped by the
 * filter's statistics, and a decoded batch whose rows all match moves into the reader's root
 * without a copy. The rare layouts the decoder leaves alone (two-level legacy lists, nanosecond
 * timestamps) are decoded by Delta Kernel's reader and copied in. Batches hold at most {@link
 * #batchSize(int)} rows; batches thinned by the filter or by deletion vectors are merged up to
 * that size.
 *
 * <p>Types map as {@link ArrowSchemas} documents; a variant column arrives as its JSON text in a
 * {@code VarChar} vector. Files that keep a variant shredded are decoded by Kernel's reader, which
 * puts each value back together, and copied in. Java 17 needs {@code
 * --add-opens=java.base/java.nio=ALL-UNNAMED} for Arrow.
 */
public final class ArrowScan {

  /** Rows per batch unless set. */
  public static final int DEFAULT_BATCH_SIZE = 8192;

  private final Scan scan;
  private final int batchSize;
  private final boolean columnWise;
  private final int threads;
  private final boolean ordered;

  private ArrowScan(Scan scan, int batchSize, boolean columnWise, int threads, boolean ordered) {
    this.scan = scan;
    this.batchSize = batchSize;
    this.columnWise = columnWise;
    this.threads = threads;
    this.ordered = ordered;
  }

  public static ArrowScan of(Scan scan) {
    return new ArrowScan(Objects.requireNonNull(scan, "scan"), DEFAULT_BATCH_SIZE, true, 1, true);
  }

  /**
   * Decodes up to {@code threads} data files at once, on threads of the reader's own (stopped when
   * it is closed); 1, the default, decodes on the caller's thread. Batches keep the scan's order
   * unless {@link #unordered()}; memory holds up to two decoded batches per thread. With more than
   * one thread, batches are handed out as decoded, not merged up to the batch size.
   */
  public ArrowScan parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid parallelism " + threads + ": give at least 1 thread.");
    }
    return new ArrowScan(scan, batchSize, columnWise, threads, ordered);
  }

  /** With {@link #parallelism(int)}, hands out batches in the order files finish, not the scan's. */
  public ArrowScan unordered() {
    return new ArrowScan(scan, batchSize, columnWise, threads, false);
  }

  /**
   * Decodes data files with Delta Kernel's own Parquet reader (record by record), then copies
   * into Arrow: slower; the baseline the column-wise decoder is measured against.
   */
  public ArrowScan withKernelDecoder() {
    return new ArrowScan(scan, batchSize, false, threads, ordered);
  }

  /** At most this many rows per batch (8,192 unless set). */
  public ArrowScan batchSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("Invalid batch size " + rows + ": give at least 1 row.");
    }
    return new ArrowScan(scan, rows, columnWise, threads, ordered);
  }

  /** The Arrow schema of the batches. */
  public Schema schema() {
    return ArrowSchemas.of(scan.schema());
  }

  /**
   * Opens the scan. The reader allocates its batches from {@code allocator}, which the caller
   * keeps and closes after the reader. The reader owns its {@link ArrowReader#getVectorSchemaRoot()
   * root}: each {@code loadNextBatch()} replaces its contents, so a batch is valid until the next
   * call or until {@code close()}, which frees everything the reader allocated. To keep a batch,
   * transfer its vectors out. Not thread-safe.
   *
   * @throws io.deltalake4j.exceptions.ColumnNotFoundException for unknown columns
   */
  public ArrowReader open(BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator");
    return ScanArrowReader.open(ScanAccess.runner(scan), batchSize, columnWise, threads, ordered, allocator);
  }
}
