package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.benchmarks.internal.kernel.RawKernelScan;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sales queries of the design card on the sales table (one commit, partitioned by region, year
 * and month): {@code full} (no filter), {@code pruned} ({@code region = 'us-east' AND month = 1}, one
 * of twelve partitions) and {@code stats} ({@code price >= 990}, a data column: statistics skip
 * files, the rest is filtered row by row). Each is run as a count and as a full materialisation,
 * through core's rows and through Arrow, against the same query written straight on Delta Kernel
 * ({@link RawKernelScan}), all in one run. One operation opens the latest snapshot and scans.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.delta.kernel=error"})
public class PartitionPruningBenchmark {

  @Param({"50000", "5000000"})
  public int rows;

  @Param({"full", "pruned", "stats"})
  public String query;

  private DeltaLake lake;
  private String path;
  private BufferAllocator allocator;
  private RawKernelScan kernel;

  @Setup(Level.Trial)
  public void open(BenchmarkParams params) {
    lake = DeltaLake.local();
    path = SalesTables.of(lake, rows);
    allocator = new RootAllocator();
    kernel = new RawKernelScan();
    RawKernelScan.Result expected = kernel.run(path, query, null);
    String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    checkAgreesWithKernel(benchmark, expected);
    if (benchmark.equals("kernelRows")) { // once per table and query
      ReadFootprint.record("rows=" + rows + " query=" + query, expected.files(), expected.fileBytes(),
          expected.rows());
    }
  }

  /**
   * The path a fork times must return the rows Kernel returns (count and {@code transaction_id}
   * checksum) and plan the same number of files, or its time means nothing. Each fork checks its
   * own path, so a run checks every path against the baseline.
   */
  private void checkAgreesWithKernel(String benchmark, RawKernelScan.Result expected) {
    long[] got = switch (benchmark) {
      case "coreCount" -> new long[] {scan().count(), expected.idSum()}; // a count has no checksum
      case "coreRows" -> coreRowsAndIdSum();
      case "arrow" -> arrowRowsAndIdSum();
      case "kernelCount", "kernelRows" -> new long[] {expected.rows(), expected.idSum()}; // the baseline itself
      default -> throw new IllegalStateException("No check for the path " + benchmark + ": add one");
    };
    long files = scan().plan().filesPlanned();
    if (got[0] != expected.rows() || got[1] != expected.idSum() || files != expected.files()) {
      throw new IllegalStateException("The path " + benchmark + " disagrees with Kernel on " + query + ": kernel "
          + expected + ", got " + got[0] + " rows, id sum " + got[1] + ", " + files + " files planned");
    }
  }

  private long[] coreRowsAndIdSum() {
    long[] core = new long[2];
    try (RowIterator it = scan().rows()) {
      while (it.hasNext()) {
        core[0]++;
        core[1] += it.next().getLong("transaction_id");
      }
    }
    return core;
  }

  private long[] arrowRowsAndIdSum() {
    long[] arrow = new long[2];
    try (ArrowReader reader = ArrowScan.of(scan()).open(allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        BigIntVector ids = (BigIntVector) root.getVector("transaction_id");
        for (int i = 0; i < root.getRowCount(); i++) {
          arrow[0]++;
          arrow[1] += ids.get(i);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return arrow;
  }

  @TearDown(Level.Trial)
  public void close() {
    allocator.close();
    lake.close();
  }

  private Scan scan() {
    Scan scan = lake.table(path).scan();
    return SalesTables.filter(query).map(scan::where).orElse(scan);
  }

  /** Core: the matching rows' count (from statistics alone when no row filter is needed). */
  @Benchmark
  public long coreCount() {
    return scan().count();
  }

  /** Core: every matching row, every column's value read. */
  @Benchmark
  public long coreRows(Blackhole bh) {
    long n = 0;
    try (RowIterator it = scan().rows()) {
      while (it.hasNext()) {
        Row r = it.next();
        for (int c = 0; c < r.size(); c++) {
          bh.consume(r.get(c));
        }
        n++;
      }
    }
    return n;
  }

  /** Arrow: every matching row, as batches of column vectors. */
  @Benchmark
  public long arrow(Blackhole bh) throws IOException {
    return drain(ArrowScan.of(scan()), bh);
  }

  /** The baseline: the same query on Delta Kernel, rows counted after the remaining filter. */
  @Benchmark
  public long kernelCount() {
    return kernel.run(path, query, null).rows();
  }

  /** The baseline: the same query on Delta Kernel, every matching row's every value read. */
  @Benchmark
  public long kernelRows(Blackhole bh) {
    return kernel.run(path, query, bh::consume).rows();
  }

  private long drain(ArrowScan arrow, Blackhole bh) throws IOException {
    long n = 0;
    try (ArrowReader reader = arrow.open(allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        if (bh != null) {
          bh.consume(root);
        }
        n += root.getRowCount();
      }
    }
    return n;
  }
}
