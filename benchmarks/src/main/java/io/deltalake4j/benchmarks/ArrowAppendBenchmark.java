package io.deltalake4j.benchmarks;

import io.deltalake4j.CreateTable;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.arrow.ArrowRows;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.arrow.ArrowWrites;
import io.deltalake4j.sample.SalesData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
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

/**
 * Sales rows held as Arrow batches, written to a new table on local disk: column-wise through
 * {@link ArrowWrites} against the baseline of the same batches turned into rows ({@link
 * ArrowRows}), in the same run; and, for reference, the same rows already built as Java rows.
 * One operation is one whole write and commit of every row; the batches are loaded before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.delta.kernel=error"})
public class ArrowAppendBenchmark {

  @Param({"1000000"})
  public int rows;

  @Param({"unpartitioned", "partitioned"})
  public String layout;

  private DeltaLake lake;
  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private final List<Row> javaRows = new ArrayList<>();
  private Path out;

  @Setup(Level.Trial)
  public void load() throws IOException {
    lake = DeltaLake.local();
    allocator = new RootAllocator();
    try (ArrowReader reader = ArrowScan.of(lake.table(SalesTables.of(lake, rows)).scan()).open(allocator)) {
      while (reader.loadNextBatch()) {
        batches.add(copy(reader.getVectorSchemaRoot()));
      }
    }
    for (VectorSchemaRoot b : batches) {
      javaRows.addAll(ArrowRows.of(b, SalesData.SCHEMA));
    }
    out = Files.createTempDirectory("deltalake4j-append-bench-");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
    lake.close();
    delete(out);
  }

  @TearDown(Level.Invocation)
  public void clean() throws IOException {
    delete(out);
    Files.createDirectories(out);
  }

  /** The batches as they are, column by column. */
  @Benchmark
  public long arrowColumns() {
    CreateTable write = create();
    for (VectorSchemaRoot b : batches) {
      ArrowWrites.add(write, b);
    }
    return write.commit().rowsWritten();
  }

  /** The baseline: each batch turned into rows as the write pulls them, then written as rows. */
  @Benchmark
  public long arrowRows() {
    CreateTable write = create();
    for (VectorSchemaRoot b : batches) {
      write.rows(() -> ArrowRows.of(b, SalesData.SCHEMA).iterator());
    }
    return write.commit().rowsWritten();
  }

  /** For reference: the same rows built as Java rows beforehand. */
  @Benchmark
  public long javaRows() {
    return create().rows(javaRows).commit().rowsWritten();
  }

  private CreateTable create() {
    CreateTable create = lake.create(out.resolve("t").toString()).schema(SalesData.SCHEMA);
    return layout.equals("partitioned")
        ? create.partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new)) : create;
  }

  private VectorSchemaRoot copy(VectorSchemaRoot source) {
    List<FieldVector> vectors = new ArrayList<>();
    for (FieldVector v : source.getFieldVectors()) {
      var transfer = v.getTransferPair(allocator);
      transfer.transfer();
      vectors.add((FieldVector) transfer.getTo());
    }
    VectorSchemaRoot root = new VectorSchemaRoot(source.getSchema(), vectors, source.getRowCount());
    return root;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
