package io.deltalake4j.testing;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.deltalake4j.testing.faults.FaultyNio;
import io.deltalake4j.testing.faults.Faults;
import io.deltalake4j.testing.faults.HadoopFaults;
import org.apache.hadoop.conf.Configuration;

/**
 * A writer in its own JVM, for tests of concurrent processes and of crashes: appends {@code
 * batches} batches of {@code rows} rows to an existing table of {@link #SCHEMA}, with ids {@code
 * writer * 1_000_000_000 + batch * rows + i}, and prints "committed VERSION FIRST_ID ROWS" after
 * each commit. {@link #start} launches it on the test JVM's class path.
 */
public final class WriterProcess {

  /** The schema of the tables these writers write: an id, the writer, and a payload. */
  public static final StructType SCHEMA = StructType.builder()
      .add("id", PrimitiveType.LONG).add("writer", PrimitiveType.INT).add("payload", PrimitiveType.STRING).build();

  private WriterProcess() {}

  /** Args: table, writer number, batches, rows per batch. */
  public static void main(String[] args) {
    String table = args[0];
    int writer = Integer.parseInt(args[1]);
    int batches = Integer.parseInt(args[2]);
    int rows = Integer.parseInt(args[3]);
    // A writer to be killed at a chosen storage call writes through the fault layer (testing.faults).
    boolean faulted = System.getProperty("deltalake4j.fault") != null;
    try (DeltaLake lake = faulted
        ? DeltaLake.builder().hadoopConf(HadoopFaults.configuration(new Configuration())).build()
        : DeltaLake.local()) {
      DeltaTable t = lake.table(table);
      for (int b = 0; b < batches; b++) {
        long first = writer * 1_000_000_000L + (long) b * rows;
        CommitResult r = t.append().rows(rows(first, rows, writer)).commit();
        System.out.println("committed " + r.version() + " " + first + " " + rows);
        System.out.flush();
      }
    }
  }

  /** Rows {@code first .. first + n - 1} of one writer. */
  public static List<Row> rows(long first, int n, int writer) {
    List<Row> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Row.of(SCHEMA, first + i, writer, "payload-" + (first + i) + "-" + "x".repeat(40)));
    }
    return out;
  }

  /** Starts a writer JVM on this JVM's class path; its stdout is read by the caller, stderr goes to {@code log}. */
  public static Process start(String table, int writer, int batches, int rows, Path log) {
    return start(table, writer, batches, rows, log, List.of());
  }

  /**
   * Starts a writer JVM that the fault layer kills at storage call {@code call} on the table
   * ({@link Faults#jvmArgument}), java.nio calls included.
   */
  public static Process startKilledAt(String table, int call, int rows, Path log) {
    String scope = new org.apache.hadoop.fs.Path(table).toUri().getPath();
    return start(table, 0, 1, rows, log, List.of(
        "-Djava.nio.file.spi.DefaultFileSystemProvider=" + FaultyNio.class.getName(),
        Faults.jvmArgument(Faults.Action.KILL, call, scope)));
  }

  private static Process start(String table, int writer, int batches, int rows, Path log, List<String> jvmArgs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        WriterProcess.class.getName(), table, Integer.toString(writer), Integer.toString(batches), Integer.toString(rows)));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(log.toFile());
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a writer process", e);
    }
  }

  /** Waits for a process, failing the test if it does not end in time. */
  public static int await(Process p, long seconds) throws InterruptedException {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("A writer process did not finish in " + seconds + " s");
    }
    return p.exitValue();
  }
}
