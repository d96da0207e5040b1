package io.deltalake4j.benchmarks;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.sample.SalesData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Writes of sales rows held in memory, to local disk: {@code create-50000} makes a new table
 * partitioned by region, year and month in one commit; {@code append-50000} appends to an existing
 * table partitioned so; {@code append-1000000} appends to an existing unpartitioned table. The
 * baseline writes the same rows as bare Parquet ({@link BareParquet}, same codec, no Delta), in
 * the same run. One operation is one whole write; each goes to a fresh directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.delta.kernel=error"})
public class WriteBenchmark {

  /** What is written and how: {@code create-} or {@code append-} the number of rows. */
  @Param({"create-50000", "append-50000", "append-1000000"})
  public String write;

  private static final String[] PARTITION_COLUMNS = SalesData.PARTITION_COLUMNS.toArray(String[]::new);

  private DeltaLake lake;
  private final List<Row> rows = new ArrayList<>();
  private boolean create;
  private boolean partitioned;
  private Path root;
  private Path out;

  @Setup(Level.Trial)
  public void load() throws IOException {
    lake = DeltaLake.local();
    create = write.startsWith("create");
    int n = Integer.parseInt(write.substring(write.indexOf('-') + 1));
    partitioned = n <= 50_000; // the 1M-row append goes to an unpartitioned table
    SalesData.rows(n).forEach(rows::add);
    root = Files.createTempDirectory("deltalake4j-write-bench-");
  }

  /** A fresh directory; for the append, an empty table there to append to. */
  @Setup(Level.Invocation)
  public void fresh() throws IOException {
    out = Files.createTempDirectory(root, "op-");
    if (!create) {
      lake.create(out.resolve("table").toString()).schema(SalesData.SCHEMA)
          .partitionBy(partitioned ? PARTITION_COLUMNS : new String[0]).commit();
    }
  }

  @TearDown(Level.Invocation)
  public void clean() throws IOException {
    delete(out);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    lake.close();
    delete(root);
  }

  @Benchmark
  public CommitResult deltalake4j() {
    String table = out.resolve("table").toString();
    return create
        ? lake.create(table).schema(SalesData.SCHEMA).partitionBy(PARTITION_COLUMNS).rows(rows).commit()
        : lake.table(table).append().rows(rows).commit();
  }

  /** The baseline: the same rows as bare Parquet files. */
  @Benchmark
  public int bareParquet() {
    return BareParquet.write(rows, out.resolve("parquet"), partitioned);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
