package io.deltalake4j.examples;

import io.deltalake4j.Commit;
import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.WriteMode;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.examples.analytics.ArrowGroupBy;
import io.deltalake4j.examples.analytics.DailyRevenue;
import io.deltalake4j.examples.analytics.DuckDbTables;
import io.deltalake4j.examples.analytics.GroupStats;
import io.deltalake4j.examples.support.Flags;
import io.deltalake4j.examples.support.Lakehouse;
import io.deltalake4j.examples.support.Report;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The lakehouse's Python analytics script (delta-rs, pandas, DuckDB, Polars), step by step, in Java:
 * load the sales table, read it (latest and by version), push a predicate down, analyse its history,
 * write from in-memory rows, upsert a partition with replaceWhere, query it from DuckDB (joined with
 * PostgreSQL when given), a Polars-style group-by over Arrow batches, and daily revenue with its
 * day-over-day growth.
 *
 * <pre>
 * SalesAnalytics [--warehouse DIR|hdfs://...] [--metastore thrift://host:port] [--database DB]
 *                [--rows N] [--postgres JDBC_URL [--postgres-table TABLE]]
 * </pre>
 *
 * Each run replaces the tables' rows with the same data in new versions, so its figures repeat.
 */
public final class SalesAnalytics {
  static final String USAGE = "SalesAnalytics [--warehouse DIR|URI] [--metastore URIS] [--database DB] [--rows N]"
      + " [--postgres JDBC_URL [--postgres-table TABLE]]";

  static final String SALES = "sales_analytics";
  static final String TARGETS = "regional_targets";
  /** The predicate pushdown step's filter: a partition column and a data column. */
  static final String PUSHDOWN = "region = 'us-east' AND price >= 100";
  /** The partition the merge step upserts. */
  static final String MERGED_PARTITION = "region = 'us-west' AND month = 2";
  static final int MERGE_UPDATES = 50;
  static final int MERGE_INSERTS = 20;
  /** The seed of the batch appended after the load (the load uses SalesData's own, 42). */
  static final long APPEND_SEED = 43;

  private final Lakehouse house;
  private final Report report;

  SalesAnalytics(Lakehouse house, Report report) {
    this.house = house;
    this.report = report;
  }

  public static void main(String[] args) throws SQLException {
    Flags flags = Flags.parse(args, USAGE,
        Set.of("warehouse", "metastore", "database", "rows", "postgres", "postgres-table"));
    int rows = flags.getInt("rows", 50_000);
    try (Lakehouse house = Lakehouse.open(flags)) {
      new SalesAnalytics(house, new Report(System.out))
          .run(rows, flags.get("postgres"), flags.get("postgres-table", "products"));
    }
  }

  void run(int rows, String postgresUrl, String postgresTable) throws SQLException {
    long loaded = load(rows);
    DeltaTable sales = house.lake().table(house.table(SALES));
    read(sales, loaded);
    pushdown(sales);
    history(sales);
    writeFromMemory();
    sales = mergeWithReplaceWhere(sales);
    duckDb(sales, postgresUrl, postgresTable);
    groupBy(sales);
    dailyRevenue(sales);
  }

  /** Version v: the sales rows; v + 1: a tenth more, appended. Returns v. */
  private long load(int rows) {
    report.heading("Load: " + house.table(SALES));
    CommitResult created = house.replace(SALES, SalesData.SCHEMA, SalesData.PARTITION_COLUMNS, SalesData.rows(rows));
    DeltaTable table = house.lake().table(house.table(SALES));
    CommitResult appended = table.append().rows(SalesData.rows(rows + 1L, rows / 10, APPEND_SEED)).commit();
    report.table(List.of("version", "operation", "rows", "files", "bytes"), List.of(
        List.of(created.version(), created.operation(), created.rowsWritten(), created.filesAdded(),
            created.bytesWritten()),
        List.of(appended.version(), appended.operation(), appended.rowsWritten(), appended.filesAdded(),
            appended.bytesWritten())));
    return created.version();
  }

  private void read(DeltaTable sales, long loadedVersion) {
    report.heading("Read: latest and by version");
    report.table(List.of("version", "rows", "partitions"), List.of(
        List.of(sales.version(), sales.scan().count(), String.join(", ", sales.partitionColumns())),
        List.of(loadedVersion, sales.asOfVersion(loadedVersion).scan().count(),
            String.join(", ", sales.asOfVersion(loadedVersion).partitionColumns()))));
    try (RowIterator first = sales.scan().select("transaction_id", "product", "price", "region", "sale_date")
        .limit(3).rows()) {
      List<List<Object>> shown = new ArrayList<>();
      first.forEachRemaining(r -> shown.add(List.of(r.getLong("transaction_id"), r.getString("product"),
          r.getDecimal("price"), r.getString("region"), r.getDate("sale_date"))));
      report.table(List.of("transaction_id", "product", "price", "region", "sale_date"), shown);
    }
  }

  /** The average price where {@link #PUSHDOWN} holds, and what partition pruning and statistics left out. */
  Pushdown pushdown(DeltaTable sales) {
    report.heading("Predicate pushdown: " + PUSHDOWN);
    long n = 0;
    BigDecimal sum = BigDecimal.ZERO;
    try (RowIterator rows = sales.scan().where(PUSHDOWN).select("price").rows()) {
      while (rows.hasNext()) {
        sum = sum.add(rows.next().getDecimal("price"));
        n++;
      }
    }
    ScanMetrics plan = sales.scan().where(PUSHDOWN).plan();
    Pushdown result = new Pushdown(n, n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP), plan);
    report.table(List.of("rows", "average price", "files", "pruned by partition", "skipped by stats", "read"),
        List.of(List.of(n, result.averagePrice(), plan.filesInSnapshot(), plan.filesPrunedByPartition(),
            plan.filesSkippedByStats(), plan.filesPlanned())));
    return result;
  }

  /** The pushdown step's answer. */
  record Pushdown(long rows, BigDecimal averagePrice, ScanMetrics plan) {}

  private void history(DeltaTable sales) {
    report.heading("Time travel: history as a table");
    List<List<Object>> rows = new ArrayList<>();
    for (Commit c : sales.history(10)) {
      rows.add(java.util.Arrays.asList(c.version(), c.timestamp().toString(), c.operation(),
          parameters(c.operationParameters()), c.readVersion().isPresent() ? c.readVersion().getAsLong() : null,
          c.isBlindAppend().map(String::valueOf).orElse(null), sales.asOfVersion(c.version()).scan().count()));
    }
    report.table(List.of("version", "timestamp", "operation", "parameters", "readVersion", "isBlindAppend", "rows"),
        rows);
  }

  private static String parameters(Map<String, String> parameters) {
    return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Targets per region and month, written from rows built in memory, then overwritten with revised ones. */
  private void writeFromMemory() {
    report.heading("Write from in-memory rows: " + house.table(TARGETS) + ", partitioned by region");
    StructType schema = StructType.builder().add("region", PrimitiveType.STRING).add("month", PrimitiveType.INT)
        .add("target", Types.decimal(12, 2)).build();
    List<Row> targets = new ArrayList<>();
    List<Row> revised = new ArrayList<>();
    for (int r = 0; r < SalesData.REGIONS.size(); r++) {
      for (int month = 1; month <= 12; month++) {
        BigDecimal target = BigDecimal.valueOf(100_000L + 5_000L * r + 1_000L * month);
        targets.add(Row.of(schema, SalesData.REGIONS.get(r), month, target.setScale(2)));
        revised.add(Row.of(schema, SalesData.REGIONS.get(r), month,
            target.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP)));
      }
    }
    CommitResult first = house.replace(TARGETS, schema, List.of("region"), targets);
    CommitResult second = house.lake().write(house.table(TARGETS)).mode(WriteMode.OVERWRITE).rows(revised).commit();
    DeltaTable table = house.lake().table(house.table(TARGETS));
    List<List<Object>> rows = new ArrayList<>();
    for (CommitResult c : List.of(first, second)) {
      BigDecimal total = BigDecimal.ZERO;
      for (Row r : table.asOfVersion(c.version()).scan().select("target").toList()) {
        total = total.add(r.getDecimal("target"));
      }
      rows.add(List.of(c.version(), c.operation(), c.rowsWritten(), c.filesAdded(), c.filesRemoved(), total));
    }
    report.table(List.of("version", "operation", "rows", "files added", "files removed", "total target"), rows);
  }

  /**
   * The script's "merge simulation", done atomically: the {@link #MERGED_PARTITION} partition is read,
   * its first {@value #MERGE_UPDATES} transactions get a 10% higher price, {@value #MERGE_INSERTS} new
   * ones are added, and one replaceWhere commit swaps the partition's files for the result. Readers see
   * the old partition or the new one, never a mix.
   */
  private DeltaTable mergeWithReplaceWhere(DeltaTable sales) {
    report.heading("Merge (upsert) by replaceWhere: " + MERGED_PARTITION);
    List<Row> partition = new ArrayList<>(sales.scan().where(MERGED_PARTITION).toList());
    partition.sort(Comparator.comparingLong(r -> r.getLong("transaction_id")));
    Map<Long, Row> merged = new TreeMap<>();
    partition.forEach(r -> merged.put(r.getLong("transaction_id"), r));
    for (Row r : partition.subList(0, Math.min(MERGE_UPDATES, partition.size()))) {
      merged.put(r.getLong("transaction_id"), withPrice(r, raised(r.getDecimal("price"))));
    }
    long nextId = 1;
    try (RowIterator ids = sales.scan().select("transaction_id").rows()) {
      while (ids.hasNext()) {
        nextId = Math.max(nextId, ids.next().getLong("transaction_id") + 1);
      }
    }
    int inserted = 0;
    for (long id = nextId; inserted < MERGE_INSERTS; id++) {
      Row candidate = SalesData.rows(id, 1, id).iterator().next(); // ids decide region and month
      if (candidate.getString("region").equals("us-west") && candidate.getInt("month") == 2) {
        merged.put(id, candidate);
        inserted++;
      }
    }
    CommitResult result = sales.overwrite().where(MERGED_PARTITION).rows(merged.values()).commit();
    DeltaTable after = sales.refresh();
    report.table(List.of("version", "rows before", "updated", "inserted", "rows after", "files removed",
        "files added", "table rows"), List.of(List.of(result.version(), partition.size(),
            Math.min(MERGE_UPDATES, partition.size()), inserted, after.scan().where(MERGED_PARTITION).count(),
            result.filesRemoved(), result.filesAdded(), after.scan().count())));
    report.line("MERGE INTO itself is not supported yet; replaceWhere is the atomic upsert for one partition.");
    return after;
  }

  /** A price 10% higher, rounded half up to cents: the merge step's update. */
  static BigDecimal raised(BigDecimal price) {
    return price.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
  }

  private static Row withPrice(Row r, BigDecimal price) {
    return Row.of(r.schema(), r.getLong("transaction_id"), r.getString("product"), r.getInt("quantity"), price,
        r.getString("region"), r.getDate("sale_date"), r.getInt("year"), r.getInt("month"));
  }

  /** The sales table handed to DuckDB as Arrow; joined with a PostgreSQL table when a JDBC URL is given. */
  private void duckDb(DeltaTable sales, String postgresUrl, String postgresTable) throws SQLException {
    report.heading("DuckDB on an Arrow scan: top two products by revenue in each region");
    try (BufferAllocator allocator = new RootAllocator(); DuckDbTables duck = new DuckDbTables(allocator)) {
      duck.load("sales", sales.scan());
      String top = "SELECT region, product, count(*) AS sales, sum(price * quantity) AS revenue FROM sales"
          + " GROUP BY region, product QUALIFY row_number() OVER (PARTITION BY region ORDER BY revenue DESC) <= 2"
          + " ORDER BY region, revenue DESC";
      DuckDbTables.Result topProducts = duck.query(top);
      report.table(topProducts.columns(), topProducts.rows());
      if (postgresUrl == null) {
        report.line("(Give --postgres JDBC_URL to join a PostgreSQL table by product here.)");
        return;
      }
      report.heading("DuckDB federated: revenue by product joined with PostgreSQL's " + postgresTable);
      duck.loadFromPostgres(postgresUrl, postgresTable, "pg_products");
      String joined = "SELECT p.*, s.sales, s.revenue FROM pg_products p JOIN (SELECT product, count(*) AS sales,"
          + " sum(price * quantity) AS revenue FROM sales GROUP BY product) s USING (product) ORDER BY s.revenue DESC";
      DuckDbTables.Result federated = duck.query(joined);
      report.table(federated.columns(), federated.rows());
    }
  }

  /** Polars' {@code group_by(["region", "product"]).agg(...)}, over the scan's Arrow batches. */
  List<GroupStats> groupBy(DeltaTable sales) {
    report.heading("Group-by over Arrow batches: price by region and product");
    List<GroupStats> stats;
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = ArrowScan.of(sales.scan().select("region", "product", "price", "sale_date"))
            .open(allocator)) {
      stats = ArrowGroupBy.byRegionAndProduct(reader);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (GroupStats g : stats) {
      rows.add(java.util.Arrays.asList(g.region(), g.product(), g.count(), g.priceSum(), g.priceMean(), g.priceStd(),
          g.firstSale(), g.lastSale()));
    }
    report.table(List.of("region", "product", "count", "sum", "mean", "std", "first sale", "last sale"), rows);
    return stats;
  }

  /** Revenue per day, region and product, and day-over-day growth: the five largest rises, and the total. */
  List<DailyRevenue.Day> dailyRevenue(DeltaTable sales) {
    report.heading("Pipeline: daily revenue per region and product, day-over-day growth");
    List<DailyRevenue.Day> days;
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = ArrowScan.of(sales.scan().select("sale_date", "region", "product", "price", "quantity"))
            .open(allocator)) {
      days = DailyRevenue.compute(reader);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<List<Object>> top = days.stream().filter(d -> d.growthPercent() != null)
        .sorted(Comparator.comparing(DailyRevenue.Day::growthPercent).reversed()).limit(5)
        .map(d -> List.<Object>of(d.region(), d.product(), d.day(), d.revenue(), d.previousDay(), d.growthPercent()))
        .toList();
    report.table(List.of("region", "product", "day", "revenue", "previous day", "growth %"), top);
    BigDecimal total = days.stream().map(DailyRevenue.Day::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    report.line("%,d region-product days; total revenue %s", days.size(), Report.cell(total));
    return days;
  }
}
