package io.deltalake4j.examples;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.TableDetail;
import io.deltalake4j.examples.support.Flags;
import io.deltalake4j.examples.support.Lakehouse;
import io.deltalake4j.examples.support.Report;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lakehouse's coordination script, in Java: create a table with properties, append a
 * 10,000-row batch, run writer and reader threads on the table at once (every reader checks that
 * each snapshot it opens is whole: all of a commit's rows or none, and matching the transaction
 * versions recorded with them), then report the table's health. Steps that need DML, OPTIMIZE or
 * VACUUM say that they are not supported yet.
 *
 * <pre>
 * MultiEngineCoordination [--warehouse DIR|hdfs://...] [--metastore thrift://host:port] [--database DB]
 *                         [--writers N] [--readers N] [--batches N] [--batch-rows N] [--max-files N]
 * </pre>
 */
public final class MultiEngineCoordination {
  static final String USAGE = "MultiEngineCoordination [--warehouse DIR|URI] [--metastore URIS] [--database DB]"
      + " [--writers N] [--readers N] [--batches N] [--batch-rows N] [--max-files N]";

  static final String TABLE = "coordinated_sales";
  static final int FIRST_BATCH = 10_000;
  /** Ids of the concurrent writers' rows start above this. */
  static final long WRITER_IDS = 1_000_000;

  static final StructType SCHEMA = withCategory();
  static final Map<String, String> PROPERTIES = properties();

  private final Lakehouse house;
  private final Report report;

  MultiEngineCoordination(Lakehouse house, Report report) {
    this.house = house;
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    Flags flags = Flags.parse(args, USAGE,
        Set.of("warehouse", "metastore", "database", "writers", "readers", "batches", "batch-rows", "max-files"));
    try (Lakehouse house = Lakehouse.open(flags)) {
      new MultiEngineCoordination(house, new Report(System.out)).run(flags.getInt("writers", 2),
          flags.getInt("readers", 2), flags.getInt("batches", 5), flags.getInt("batch-rows", 1_000),
          flags.getInt("max-files", 32));
    }
  }

  void run(int writers, int readers, int batches, int batchRows, int maxFiles) throws Exception {
    if (writers < 1 || readers < 1 || batches < 1 || batchRows < 1) {
      throw new IllegalArgumentException("Invalid run: --writers, --readers, --batches and --batch-rows must each be"
          + " at least 1. Usage: " + USAGE);
    }
    DeltaTable table = create();
    table = firstBatch(table);
    table = concurrently(table, writers, readers, batches, batchRows);
    health(table, maxFiles);
    maintenance(table);
  }

  /** The sales columns plus {@code category}, a function of the product. */
  private static StructType withCategory() {
    StructType.Builder b = StructType.builder();
    for (StructField f : SalesData.SCHEMA.fields()) {
      b.add(f.name(), f.type());
    }
    return b.add("category", PrimitiveType.STRING).build();
  }

  private static Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("delta.checkpointInterval", "10");
    p.put("delta.logRetentionDuration", "interval 7 days");
    p.put("owner", "analytics-platform");
    p.put("pipeline", "multi-engine-coordination");
    return p;
  }

  static String category(String product) {
    return switch (product) {
      case "laptop", "tablet" -> "computing";
      case "phone" -> "mobile";
      case "headphones" -> "audio";
      default -> "imaging";
    };
  }

  /** Sales rows with ids {@code first ..}, each with its category. */
  static List<Row> rows(long first, int n, long seed) {
    List<Row> out = new ArrayList<>(n);
    for (Row r : SalesData.rows(first, n, seed)) {
      Object[] values = new Object[SCHEMA.size()];
      for (int i = 0; i < r.size(); i++) {
        values[i] = r.get(i);
      }
      values[r.size()] = category(r.getString("product"));
      out.add(Row.of(SCHEMA, values));
    }
    return out;
  }

  private DeltaTable create() {
    report.heading("Create " + house.table(TABLE) + " with properties");
    CommitResult created = house.replace(TABLE, SCHEMA, List.of("region"), List.of(), PROPERTIES);
    DeltaTable table = house.lake().table(house.table(TABLE));
    List<List<Object>> rows = new ArrayList<>();
    new java.util.TreeMap<>(table.properties()).forEach((k, v) -> rows.add(List.of(k, v)));
    report.line("version %d (%s); partitioned by %s", created.version(), created.operation(), table.partitionColumns());
    report.table(List.of("property", "value"), rows);
    return table;
  }

  private DeltaTable firstBatch(DeltaTable table) {
    report.heading("Batch append: " + Report.cell(FIRST_BATCH) + " rows");
    CommitResult r = table.append().rows(rows(1, FIRST_BATCH, 42)).commit();
    report.table(List.of("version", "rows", "files", "bytes", "seconds"),
        List.of(List.of(r.version(), r.rowsWritten(), r.filesAdded(), r.bytesWritten(), r.duration().toMillis() / 1e3)));
    return table.refresh();
  }

  /**
   * Writers append {@code batches} batches each, every batch one commit carrying its writer's
   * transaction version; meanwhile readers open the latest snapshot again and again and check it.
   */
  private DeltaTable concurrently(DeltaTable table, int writers, int readers, int batches, int batchRows)
      throws Exception {
    report.heading("Concurrent writers and readers: " + writers + " writers x " + batches + " commits of "
        + Report.cell(batchRows) + " rows, " + readers + " readers");
    String run = "coordination-v" + table.version(); // transaction ids of this run only
    Snapshots expectations = new Snapshots(run, writers, batchRows);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
    try {
      List<Future<int[]>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(pool.submit(() -> {
          start.await();
          int committed = 0;
          for (int b = 1; b <= batches; b++) {
            DeltaTable latest = house.lake().table(house.table(TABLE));
            CommitResult r = latest.append().transaction(expectations.appId(writer), b)
                .rows(rows(expectations.firstId(writer, b), batchRows, writer * 1_000L + b)).commit();
            committed += r.committed() ? 1 : 0;
          }
          return new int[] {writer, committed};
        }));
      }
      List<Future<Reader>> reads = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        reads.add(pool.submit(() -> {
          start.await();
          Reader reader = new Reader();
          do {
            reader.check(house.lake().table(house.table(TABLE)), expectations);
          } while (writing.get());
          reader.check(house.lake().table(house.table(TABLE)), expectations); // the final state too
          return reader;
        }));
      }
      start.countDown();
      List<List<Object>> writerRows = new ArrayList<>();
      try {
        for (Future<int[]> f : writes) {
          int[] w = f.get();
          writerRows.add(List.of("writer " + w[0], (long) w[1], (long) w[1] * batchRows));
        }
      } finally {
        writing.set(false); // readers stop even when a writer failed
      }
      List<List<Object>> readerRows = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (Future<Reader> f : reads) {
        Reader reader = f.get();
        readerRows.add(List.of("reader " + readerRows.size(), (long) reader.snapshots, (long) reader.versions.size(),
            (long) reader.problems.size()));
        problems.addAll(reader.problems);
      }
      report.table(List.of("writer", "commits", "rows"), writerRows);
      report.table(List.of("reader", "snapshots", "versions seen", "inconsistent"), readerRows);
      problems.stream().limit(5).forEach(p -> report.line("INCONSISTENT: %s", p));
    } finally {
      pool.shutdownNow();
    }
    return table.refresh();
  }

  /** What a whole snapshot holds: per writer, its batches 1..L in full, L its recorded transaction version. */
  private static final class Snapshots {
    private final String run;
    private final int writers;
    private final int batchRows;

    Snapshots(String run, int writers, int batchRows) {
      this.run = run;
      this.writers = writers;
      this.batchRows = batchRows;
    }

    String appId(int writer) {
      return run + "-writer-" + writer;
    }

    long firstId(int writer, int batch) {
      return WRITER_IDS + ((long) writer * 10_000 + (batch - 1)) * batchRows;
    }

    /** Null if the snapshot is whole, else what is wrong with it. */
    String problem(DeltaTable snapshot, Set<Long> ids) {
      long expected = FIRST_BATCH;
      Set<Long> allowed = new HashSet<>();
      for (int w = 0; w < writers; w++) {
        long last = snapshot.lastTransactionVersion(appId(w)).orElse(0);
        expected += last * batchRows;
        for (int b = 1; b <= last; b++) {
          for (long id = firstId(w, b); id < firstId(w, b) + batchRows; id++) {
            allowed.add(id);
          }
        }
      }
      if (ids.size() != expected) {
        return "version " + snapshot.version() + " has " + ids.size() + " distinct ids, its transactions say "
            + expected;
      }
      for (long id : ids) {
        if (id > FIRST_BATCH && !allowed.contains(id)) {
          return "version " + snapshot.version() + " holds id " + id + " of a batch its transactions do not record";
        }
      }
      return null;
    }
  }

  /** One reader thread's tally. */
  private static final class Reader {
    int snapshots;
    final Set<Long> versions = new TreeSet<>();
    final List<String> problems = new ArrayList<>();

    void check(DeltaTable snapshot, Snapshots expectations) {
      Set<Long> ids = new HashSet<>();
      long rows = 0;
      try (RowIterator it = snapshot.scan().select("transaction_id").rows()) {
        while (it.hasNext()) {
          ids.add(it.next().getLong("transaction_id"));
          rows++;
        }
      }
      snapshots++;
      versions.add(snapshot.version());
      String problem = rows != ids.size() ? "version " + snapshot.version() + " has duplicate ids"
          : expectations.problem(snapshot, ids);
      if (problem != null) {
        problems.add(problem);
      }
    }
  }

  /** Row count, distinct regions and categories, revenue, files, size, last change; a warning above maxFiles. */
  Health health(DeltaTable table, int maxFiles) {
    report.heading("Health");
    long rows = 0;
    Set<String> regions = new TreeSet<>();
    Set<String> categories = new TreeSet<>();
    BigDecimal revenue = BigDecimal.ZERO;
    try (RowIterator it = table.scan().select("region", "category", "price", "quantity").rows()) {
      while (it.hasNext()) {
        Row r = it.next();
        rows++;
        regions.add(r.getString("region"));
        categories.add(r.getString("category"));
        revenue = revenue.add(r.getDecimal("price").multiply(BigDecimal.valueOf(r.getInt("quantity"))));
      }
    }
    TableDetail detail = table.detail();
    Health health = new Health(rows, regions.size(), categories.size(), revenue, detail.numFiles(),
        detail.sizeInBytes());
    report.table(List.of("version", "rows", "regions", "categories", "revenue", "files", "bytes", "last modified"),
        List.of(List.of(detail.version(), rows, regions.size(), categories.size(), revenue, detail.numFiles(),
            detail.sizeInBytes(), detail.lastModified().toString())));
    if (detail.numFiles() > maxFiles) {
      report.line("WARNING: %,d data files, above the threshold of %,d: small files slow every reader down."
          + " Compact them (OPTIMIZE) once it is supported, or rewrite the table with fewer, larger files.",
          detail.numFiles(), maxFiles);
    }
    return health;
  }

  /** The health step's figures. */
  record Health(long rows, int regions, int categories, BigDecimal revenue, long files, long bytes) {}

  private void maintenance(DeltaTable table) {
    report.heading("Maintenance");
    long checkpoint = table.checkpoint();
    report.line("checkpoint: written at version %d (automatic every %s commits)", checkpoint,
        table.properties().getOrDefault("delta.checkpointInterval", "10"));
    report.line("OPTIMIZE (file compaction): not supported yet; nothing was done.");
    report.line("VACUUM (deleting unreferenced files): not supported yet; nothing was done.");
    report.line("UPDATE / DELETE / MERGE: not supported yet; use replaceWhere overwrites (see SalesAnalytics).");
  }
}
