package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.benchmarks.internal.kernel.RawKernelScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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
 * The queries of {@code PartitionPruningBenchmark} on the same tables, through Spark 4.1 with
 * delta-spark in local mode, so the ratio to Spark comes from the same run: {@code sparkCount} is
 * {@code count()}, {@code sparkRows} reads every column of every matching row into Spark's
 * {@code noop} sink. One operation loads the table (Spark's Delta log cache checks for new
 * versions) and runs the query. Built and run only with {@code benchmarks/run --spark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 1) // Spark's queries keep speeding up over their first few seconds
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+IgnoreUnrecognizedVMOptions",
    // What Spark's launcher adds on JDK 17 (org.apache.spark.launcher.JavaModuleOptions, 4.1).
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider"}) // Spark's log4j2, not slf4j-simple
public class SparkScanBenchmark {

  @Param({"50000", "5000000"})
  public int rows;

  @Param({"full", "pruned", "stats"})
  public String query;

  /** Spark's master: both cores of this machine by default. */
  @Param({"local[2]"})
  public String master;

  private SparkSession spark;
  private Path warehouse;
  private String path;

  @Setup(Level.Trial)
  public void start() throws Exception {
    try (DeltaLake lake = DeltaLake.local()) {
      path = SalesTables.of(lake, rows);
    }
    warehouse = Files.createTempDirectory("deltalake4j-spark-bench-");
    spark = SparkSession.builder()
        .master(master)
        .appName("deltalake4j-benchmarks")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    RawKernelScan.Result expected = new RawKernelScan().run(path, query, null);
    long count = sparkCount();
    Object idSum = table().agg(functions.sum("transaction_id")).first().get(0);
    long sum = idSum == null ? 0 : ((Number) idSum).longValue();
    if (count != expected.rows() || sum != expected.idSum()) {
      throw new IllegalStateException("Spark disagrees with Kernel on " + query + ": kernel " + expected
          + ", Spark " + count + " rows, id sum " + sum);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    spark.stop();
    try (var files = Files.walk(warehouse)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Dataset<org.apache.spark.sql.Row> table() {
    Dataset<org.apache.spark.sql.Row> table = spark.read().format("delta").load(path);
    return SalesTables.filter(query).map(table::where).orElse(table);
  }

  /** The matching rows' count. */
  @Benchmark
  public long sparkCount() {
    return table().count();
  }

  /** Every column of every matching row, read by Spark's {@code noop} sink (which discards them). */
  @Benchmark
  public void sparkRows() {
    table().write().format("noop").mode("overwrite").save();
  }
}
