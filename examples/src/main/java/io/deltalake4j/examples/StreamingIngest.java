package io.deltalake4j.examples;

import io.deltalake4j.DeltaTable;
import io.deltalake4j.RowIterator;
import io.deltalake4j.examples.streaming.GeneratedEvents;
import io.deltalake4j.examples.streaming.IngestJob;
import io.deltalake4j.examples.streaming.OffsetStore;
import io.deltalake4j.examples.support.Flags;
import io.deltalake4j.examples.support.Lakehouse;
import io.deltalake4j.examples.support.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The lakehouse's Flink job from Kafka, in Java: micro-batches of events appended with transaction
 * ids, so that a restart after a crash neither loses nor duplicates a batch. The run shows it: it
 * starts the ingest in a second JVM, kills that JVM ({@code SIGKILL}, no shutdown hooks) once a few
 * batches are in, resumes the job here from its last committed source offset, and checks that every
 * event is in the table exactly once.
 *
 * <p>The events come from {@link GeneratedEvents}, a replayable stream behind the small
 * {@link io.deltalake4j.examples.streaming.EventSource} interface, standing in for Kafka: this build
 * runs no broker. Source offsets are committed every few batches, as a Kafka consumer does, so the
 * resumed job re-reads batches the table already holds; their transaction ids make the table skip
 * them, and a batch that straddles the table's position is trimmed to the events after it.
 *
 * <pre>
 * StreamingIngest [--warehouse DIR|hdfs://...] [--metastore thrift://host:port] [--database DB]
 *                 [--events N] [--batch-size N] [--offsets-every N] [--kill-after N] [--state DIR]
 * </pre>
 */
public final class StreamingIngest {
  static final String USAGE = "StreamingIngest [--warehouse DIR|URI] [--metastore URIS] [--database DB] [--events N]"
      + " [--batch-size N] [--offsets-every N] [--kill-after N] [--state DIR]";
  static final String TABLE = "events_stream";
  /** The worker's pause between batches: a stream's pace, short beside a batch's write and commit. */
  private static final long WORKER_PAUSE_MS = 20;

  private static final Set<String> FLAGS = Set.of("warehouse", "metastore", "database", "events", "batch-size",
      "offsets-every", "kill-after", "state", "worker", "pause-ms");

  private final Lakehouse house;
  private final Report report;
  private final Flags flags;
  private final String[] args;

  private StreamingIngest(Lakehouse house, Report report, Flags flags, String[] args) {
    this.house = house;
    this.report = report;
    this.flags = flags;
    this.args = args;
  }

  public static void main(String[] args) throws Exception {
    Flags flags = Flags.parse(args, USAGE, FLAGS);
    try (Lakehouse house = Lakehouse.open(flags)) {
      StreamingIngest ingest = new StreamingIngest(house, new Report(System.out), flags, args);
      if (flags.get("worker") != null) {
        ingest.job(flags.get("worker"), Duration.ofMillis(flags.getInt("pause-ms", 0))).run(); // the JVM to kill
      } else {
        ingest.demonstrate();
      }
    }
  }

  private IngestJob job(String id, Duration pause) {
    return new IngestJob(house.lake(), house.table(TABLE), id, new GeneratedEvents(flags.getInt("events", 20_000)),
        new OffsetStore(Path.of(flags.get("state", "examples-state"))), flags.getInt("batch-size", 1_000),
        flags.getInt("offsets-every", 3), pause);
  }

  private void demonstrate() throws Exception {
    long events = flags.getInt("events", 20_000);
    int batchSize = flags.getInt("batch-size", 1_000);
    int killAfter = flags.getInt("kill-after", 5);

    report.heading("Start: " + house.table(TABLE) + ", partitioned by event_date");
    long created = house.replace(TABLE, GeneratedEvents.SCHEMA, List.of("event_date"), List.of()).version();
    String jobId = "events-ingest-v" + created; // a new job for a new table
    Path state = Path.of(flags.get("state", "examples-state"));
    java.nio.file.Files.createDirectories(state);
    OffsetStore offsets = new OffsetStore(state);
    offsets.forget(jobId);
    report.line("job %s: %,d events in batches of %,d; source offsets committed every %d batches", jobId, events,
        batchSize, flags.getInt("offsets-every", 3));

    report.heading("Run the job in another JVM, and kill it after " + killAfter + " batches");
    Killed killed = runAndKill(jobId, (long) killAfter * batchSize);
    DeltaTable atKill = house.lake().table(house.table(TABLE));
    report.table(List.of("worker", "exit", "table position", "rows", "committed source offset"),
        List.of(List.of(Long.toString(killed.pid()), killed.how(), atKill.lastTransactionVersion(jobId).orElse(0),
            atKill.scan().count(), offsets.read(jobId).orElse(0))));

    report.heading("Resume the job here, from its committed source offset");
    IngestJob.Result resumed = job(jobId, Duration.ZERO).run();
    report.table(List.of("resumed at offset", "table position", "replayed batches skipped", "batches committed",
        "end offset"), List.of(List.of(resumed.resumedAt(), resumed.tableAt(), resumed.skipped(), resumed.committed(),
            resumed.endOffset())));

    report.heading("Check: every event exactly once");
    DeltaTable table = house.lake().table(house.table(TABLE));
    Set<Long> ids = new HashSet<>();
    long rows = 0;
    try (RowIterator it = table.scan().select("event_id").rows()) {
      while (it.hasNext()) {
        ids.add(it.next().getLong("event_id"));
        rows++;
      }
    }
    report.table(List.of("events", "rows", "distinct ids", "table position", "verdict"),
        List.of(List.of(events, rows, (long) ids.size(), table.lastTransactionVersion(jobId).orElse(0),
            rows == events && ids.size() == events ? "exactly once" : "LOST OR DUPLICATED")));
  }

  /** How the worker JVM ended. */
  private record Killed(long pid, String how) {}

  /**
   * Starts a worker JVM on this class path and, once the table holds {@code events} of its events, kills
   * it at a random moment of the next few batches: while it writes Parquet files, commits, or waits.
   */
  private Killed runAndKill(String jobId, long events) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StreamingIngest.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--worker", jobId, "--pause-ms", Long.toString(WORKER_PAUSE_MS)));
    File log = Path.of(flags.get("state", "examples-state"), jobId + ".worker.log").toFile();
    Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (worker.isAlive() && System.nanoTime() < deadline) {
        if (house.lake().table(house.table(TABLE)).lastTransactionVersion(jobId).orElse(0) >= events) {
          Thread.sleep(ThreadLocalRandom.current().nextLong(3 * WORKER_PAUSE_MS));
          worker.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
          worker.waitFor();
          return new Killed(worker.pid(), "killed (" + worker.exitValue() + ")");
        }
        Thread.sleep(5);
      }
      if (worker.isAlive()) {
        throw new IllegalStateException("The worker JVM wrote fewer than " + events + " events in 120 s; see " + log);
      }
      return new Killed(worker.pid(), "ended by itself (" + worker.exitValue() + "); see " + log);
    } finally {
      worker.destroyForcibly();
    }
  }
}
