package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.exceptions.CommitStateUnknownException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.WriterProcess;
import io.deltalake4j.testing.faults.Faults;
import io.deltalake4j.testing.faults.HadoopFaults;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write operation walked through every storage call it makes, on local disk and on HDFS:
 * for each call, a fresh table, the operation with that call failing (and, for opens and creates,
 * torn: half written, or failing after the first read), then a clean reader checks that the table
 * opens at its last committed version with exactly that version's rows, that a failure was typed
 * and named the table, and that a write that did not commit left no data file behind. A first,
 * clean run of each operation lists its calls and gives the state it should reach.
 *
 * <p>Runs in its own JVM (surefire execution {@code faults}), whose {@code java.nio} provider is the
 * fault layer's, so local writes made with {@code java.nio} fail too.
 */
@ExtendWith(Storages.class)
class TestFaultInjection {

  private static final StructType WIDER = StructType.builder().add("id", PrimitiveType.LONG)
      .add("writer", PrimitiveType.INT).add("payload", PrimitiveType.STRING).add("note", PrimitiveType.STRING).build();

  private static DeltaLake clean;
  private static DeltaLake faulty;
  private static DeltaLake faultyManual;
  private static int points;

  @BeforeAll
  static void lakes() {
    clean = DeltaLake.local();
    faulty = DeltaLake.builder().hadoopConf(HadoopFaults.configuration(new Configuration())).build();
    faultyManual = DeltaLake.builder().hadoopConf(HadoopFaults.configuration(new Configuration()))
        .maintenance(Maintenance.MANUAL).build();
  }

  @AfterAll
  static void close() {
    Faults.disarm();
    System.out.println("Fault points covered: " + points);
    clean.close();
    faulty.close();
    faultyManual.close();
  }

  /** One operation under test: how its table starts, and what it does. */
  private record Operation(String name, boolean fromScratch, Step step) {}

  private interface Step {
    void run(String path);
  }

  private static final List<Operation> OPERATIONS = List.of(
      new Operation("create", true, path -> faulty.create(path).schema(WriterProcess.SCHEMA).partitionBy("writer")
          .rows(rows(0, 20)).commit()),
      new Operation("append", false, path -> faulty.table(path).append().rows(rows(100, 10)).commit()),
      new Operation("overwrite", false, path -> faulty.table(path).overwrite().rows(rows(200, 5)).commit()),
      new Operation("replace-where", false, path -> faulty.table(path).overwrite().where("id >= 5 AND id < 15")
          .rows(WriterProcess.rows(5, 5, 0)).commit()),
      new Operation("merge-schema", false, path -> faulty.table(path).append().mergeSchema(WIDER)
          .rows(List.of(Row.of(WIDER, 300L, 1, "p", "n"))).commit()),
      new Operation("checkpoint", false, path -> faultyManual.table(path).checkpoint()));

  /** Rows of two writers (two partitions). */
  private static List<Row> rows(long first, int n) {
    List<Row> out = new ArrayList<>(WriterProcess.rows(first, n / 2, 0));
    out.addAll(WriterProcess.rows(first + n / 2, n - n / 2, 1));
    return out;
  }

  /** Versions 0 and 1, 30 rows, a checkpoint due at version 2 (the operation's commit). */
  private static void base(String path) {
    clean.create(path).schema(WriterProcess.SCHEMA).partitionBy("writer").property("delta.checkpointInterval", "2")
        .rows(rows(0, 20)).commit();
    clean.table(path).append().rows(rows(20, 10)).commit();
  }

  /** What a reader sees: no table, or a version and its rows. */
  private record State(long version, List<String> rows, long files) {
    static final State NO_TABLE = new State(-1, List.of(), 0);

    static State of(String path) {
      if (!clean.exists(path)) {
        return NO_TABLE;
      }
      DeltaTable t = clean.table(path);
      List<String> rows = t.scan().toList().stream().map(Object::toString).sorted().toList();
      return new State(t.version(), rows, t.detail().numFiles());
    }
  }

  @TestFactory
  Stream<DynamicNode> everyWriteSurvivesAFaultAtEveryStorageCall() {
    String only = System.getProperty("deltalake4j.faults.storage", "");
    return Stream.of(Storages.local(), Storages.hdfs()).filter(s -> only.isEmpty() || only.equals(s.toString()))
        .map(storage -> DynamicContainer.dynamicContainer(storage.toString(), OPERATIONS.stream()
            .filter(op -> walked(storage, op))
            .map(op -> walk(storage, op))));
  }

  /** The calls that change storage: each is faulted in every run. */
  private static final List<String> WRITES = List.of("CREATE", "RENAME", "LINK", "SYNC", "DELETE", "MKDIRS");

  /** The long tier: {@code mvn -pl core verify -Dfaults.all=true}. */
  private static final boolean ALL = Boolean.getBoolean("deltalake4j.faults.all");

  /** The operations the default tier walks on HDFS, where each run costs ten times more: one of each commit path. */
  private static final List<String> ON_HDFS = List.of("append", "replace-where", "checkpoint");

  /**
   * Whether the suite faults this call. The long tier faults every call of every operation on both
   * storages. The default tier, which CI runs, faults every call that changes storage and every
   * third read, listing or status call, of every operation on local disk; on HDFS the same for a
   * blind append, a validated copy-on-write overwrite and a checkpoint, with every sixth read.
   */
  private static boolean faulted(StorageUnderTest storage, String call, int index) {
    if (ALL || WRITES.contains(call.substring(0, call.indexOf(' ')))) {
      return true;
    }
    return index % (storage.isHdfs() ? 6 : 3) == 0;
  }

  private static boolean walked(StorageUnderTest storage, Operation op) {
    String only = System.getProperty("deltalake4j.faults.operation", "");
    return (only.isEmpty() || only.equals(op.name())) && (ALL || !storage.isHdfs() || ON_HDFS.contains(op.name()));
  }

  private static DynamicNode walk(StorageUnderTest storage, Operation op) {
    String template = storage.newTablePath(op.name() + "-base");
    if (!op.fromScratch()) {
      base(template);
    }
    String path = copy(template, op.name() + "-clean", storage);
    State before = State.of(path);
    Faults.record(scope(path));
    op.step().run(path);
    List<String> calls = Faults.disarm();
    State after = State.of(path);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (!faulted(storage, calls.get(i), i)) {
        continue;
      }
      int call = i + 1;
      String what = calls.get(i).replace(scope(path), "TABLE");
      tests.add(DynamicTest.dynamicTest("fail call " + call + ": " + what,
          () -> faultAt(storage, op, template, Faults.Action.FAIL, call, before, after)));
      if (what.startsWith("OPEN") || what.startsWith("CREATE")) {
        tests.add(DynamicTest.dynamicTest("tear call " + call + ": " + what,
            () -> faultAt(storage, op, template, Faults.Action.TEAR, call, before, after)));
      }
    }
    return DynamicContainer.dynamicContainer(op.name() + " (" + calls.size() + " calls)", tests);
  }

  private static void faultAt(StorageUnderTest storage, Operation op, String template, Faults.Action action, int call,
      State before, State after) throws Exception {
    points++;
    String path = copy(template, op.name() + "-" + action + call, storage);
    Throwable failure = null;
    Faults.arm(scope(path), action, call);
    try {
      op.step().run(path);
    } catch (Throwable t) {
      failure = t;
    } finally {
      Faults.disarm();
    }
    State now = State.of(path);
    if (failure == null) {
      assertThat(now).as("a write that reported success").isEqualTo(after);
      return;
    }
    assertThat(failure).as("the failure is typed").isInstanceOf(DeltaException.class);
    assertThat(failure.getMessage()).as("the failure names the table").contains(new Path(path).getName());
    if (failure instanceof CommitStateUnknownException) {
      assertThat(now).as("a commit of unknown outcome").isIn(before, after);
      return;
    }
    assertThat(now).as("a write that failed: " + failure.getMessage()).isEqualTo(before);
    assertThat(dataFiles(path)).as("no data file left behind by a write that failed").isEqualTo(before.files());
  }

  /** A twin of the template table (or a fresh path, if the template holds none). */
  private static String copy(String template, String name, StorageUnderTest storage) {
    String path = storage.newTablePath(name);
    try {
      Path from = new Path(template);
      FileSystem fs = storage.isHdfs() ? from.getFileSystem(new Configuration())
          : FileSystem.getLocal(new Configuration()).getRawFileSystem();
      if (fs.exists(from)) {
        FileUtil.copy(fs, from, fs, new Path(path), false, new Configuration());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return path;
  }

  /**
   * A writer process killed at each call of an append that changes the log (the long tier: every
   * call that changes storage), and while it creates a data file: afterwards the table
   * is at the old version or the new one, each with exactly its rows, and the next writer commits.
   * The killed process runs no cleanup, so its data files may stay (VACUUM's work).
   */
  @TestFactory
  Stream<DynamicNode> aWriterKilledAtAnyCallThatChangesStorageLeavesTheOldOrTheNewVersion() {
    String only = System.getProperty("deltalake4j.faults.storage", "");
    return Stream.of(Storages.local(), Storages.hdfs()).filter(s -> only.isEmpty() || only.equals(s.toString()))
        .map(storage -> {
          String template = storage.newTablePath("kill-base");
          base(template);
          String path = copy(template, "kill-clean", storage);
          State before = State.of(path);
          Faults.record(scope(path));
          faulty.table(path).append().rows(WriterProcess.rows(0, 5, 0)).commit(); // as the writer process appends
          List<String> calls = Faults.disarm();
          State after = State.of(path);
          List<DynamicTest> tests = new ArrayList<>();
          boolean dataFileKilled = false;
          for (int i = 0; i < calls.size(); i++) {
            String what = calls.get(i);
            boolean changes = WRITES.contains(what.substring(0, what.indexOf(' ')));
            // The default tier kills at every change to the log, and once while a data file is created.
            boolean firstDataFile = !dataFileKilled && what.startsWith("CREATE") && what.endsWith(".parquet");
            dataFileKilled |= firstDataFile;
            if (changes && (ALL || what.contains("/_delta_log/") || firstDataFile)) {
              int call = i + 1;
              tests.add(DynamicTest.dynamicTest("kill at call " + call + ": " + what.replace(scope(path), "TABLE"),
                  () -> killedAt(storage, template, call, before, after)));
            }
          }
          return DynamicContainer.dynamicContainer(storage + " (" + calls.size() + " calls)", tests);
        });
  }

  private static void killedAt(StorageUnderTest storage, String template, int call, State before, State after)
      throws Exception {
    points++;
    String path = copy(template, "kill-" + call, storage);
    java.nio.file.Path log = java.nio.file.Files.createTempFile("killed-writer", ".log");
    try {
      Process writer = WriterProcess.startKilledAt(path, call, 5, log);
      int exit = WriterProcess.await(writer, 120);
      State now = State.of(path);
      if (exit == 0) {
        assertThat(now).as("a writer that finished").isEqualTo(after);
      } else {
        assertThat(exit).as("killed by the fault layer: " + java.nio.file.Files.readString(log)).isEqualTo(137);
        assertThat(now).as("the table after a writer was killed").isIn(before, after);
      }
      clean.table(path).append().rows(WriterProcess.rows(2_000, 1, 1)).commit();
      assertThat(clean.table(path).version()).as("the next writer commits after it").isEqualTo(now.version() + 1);
    } finally {
      java.nio.file.Files.deleteIfExists(log);
    }
  }

  @org.junit.jupiter.api.Test
  void aCommitWhoseLinkFailsWithAnIoErrorIsNotPublishedByARenameInstead() throws Exception {
    String path = Storages.local().newTablePath("link-eio");
    base(path);
    String twin = copy(path, "link-eio-clean", Storages.local());
    Faults.record(scope(twin));
    faulty.table(twin).append().rows(rows(100, 10)).commit();
    List<String> calls = Faults.disarm();
    int link = 1 + calls.indexOf(calls.stream().filter(c -> c.startsWith("LINK") && c.endsWith("2.json")).findFirst()
        .orElseThrow());

    Faults.arm(scope(path), Faults.Action.FAIL, link);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> faulty.table(path).append().rows(rows(100, 10)).commit())
          .isInstanceOf(io.deltalake4j.exceptions.DeltaIOException.class)
          .hasMessageContaining("Nothing was committed")
          .hasMessageContaining("Input/output error");
    } finally {
      Faults.disarm();
    }
    assertThat(clean.table(path).version()).isEqualTo(1);
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(scope(path), "_delta_log", "00000000000000000002.json")))
        .as("no check-then-rename fallback after an I/O error").isFalse();
  }

  private static String scope(String path) {
    return new Path(path).toUri().getPath();
  }

  private static long dataFiles(String path) throws Exception {
    Path root = new Path(path);
    FileSystem fs = root.getFileSystem(new Configuration());
    if (!fs.exists(root)) {
      return 0;
    }
    long n = 0;
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().endsWith(".parquet") && !p.toString().contains("/_delta_log/")) {
        n++;
      }
    }
    return n;
  }
}
