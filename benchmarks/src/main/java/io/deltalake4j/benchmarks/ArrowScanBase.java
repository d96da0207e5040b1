package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowScan;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A scan read whole into Arrow by the column-wise decoder and, the baseline, by Delta Kernel's
 * own Parquet reader (whose batches are then copied into Arrow), in the same run. Each operation
 * is one whole scan; rows/s is the table's rows over the time per operation. Subclasses say which
 * scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.delta.kernel=error"})
public abstract class ArrowScanBase {

  private DeltaLake lake;
  private BufferAllocator allocator;
  private Scan scan;

  /** The scan to measure; its table is made on the first run and kept. */
  protected abstract Scan scan(DeltaLake lake);

  @Setup(Level.Trial)
  public void open() {
    lake = DeltaLake.local();
    allocator = new RootAllocator();
    scan = scan(lake);
  }

  @TearDown(Level.Trial)
  public void close() {
    allocator.close();
    lake.close();
  }

  @Benchmark
  public long columnWise(Blackhole bh) throws IOException {
    return drain(ArrowScan.of(scan), bh);
  }

  /** The baseline: Kernel's default Parquet reader, then a copy into Arrow. */
  @Benchmark
  public long kernelReader(Blackhole bh) throws IOException {
    return drain(ArrowScan.of(scan).withKernelDecoder(), bh);
  }

  /** Reads the scan to the end as a consumer would, every batch loaded and handed on; the rows read. */
  protected long drain(ArrowScan arrow, Blackhole bh) throws IOException {
    long n = 0;
    try (ArrowReader reader = arrow.open(allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        bh.consume(root);
        n += root.getRowCount();
      }
    }
    return n;
  }

  protected Scan scan() {
    return scan;
  }
}
