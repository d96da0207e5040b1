package io.deltalake4j.benchmarks;

import io.deltalake4j.Commit;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.benchmarks.internal.kernel.RawKernelOpen;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Opening a table with a long log: {@code commits} small appends, with the checkpoints writes
 * leave every ten commits. {@code open} loads the latest snapshot, {@code history10} reads the last
 * ten commits' information; the baseline is Kernel's own snapshot load of the same table, with its
 * default log store and, to separate the two effects, with the local log store core configures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.delta.kernel=error"})
public class LogGrowthBenchmark {
  /** The log store core's engine sets for file: tables (a name only: benchmarks use the public API). */
  private static final String OUR_LOCAL_LOG_STORE = "io.deltalake4j.internal.storage.LocalLogStore";

  @Param({"1000", "10000"})
  public int commits;

  private DeltaLake lake;
  private String path;
  private RawKernelOpen kernel;
  private RawKernelOpen kernelWithOurLogStore;

  @Setup(Level.Trial)
  public void setUp() {
    lake = DeltaLake.local();
    path = SalesTables.withCommits(lake, commits);
    kernel = new RawKernelOpen(null);
    kernelWithOurLogStore = new RawKernelOpen(OUR_LOCAL_LOG_STORE);
    if (lake.table(path).version() != commits - 1 || kernel.version(path) != commits - 1) {
      throw new IllegalStateException("The log table " + path + " does not have " + commits + " commits");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    lake.close();
  }

  @Benchmark
  public long open() {
    return lake.table(path).version();
  }

  @Benchmark
  public List<Commit> history10() {
    return lake.table(path).history(10);
  }

  /** The baseline: Kernel's snapshot load. */
  @Benchmark
  public long kernelOpen() {
    return kernel.version(path);
  }

  /** Kernel's snapshot load with the local log store deltalake4j configures for file: tables. */
  @Benchmark
  public long kernelOpenWithOurLogStore() {
    return kernelWithOurLogStore.version(path);
  }
}
