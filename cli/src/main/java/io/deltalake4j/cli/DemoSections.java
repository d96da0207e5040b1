package io.deltalake4j.cli;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.cli.internal.DetailReport;
import io.deltalake4j.cli.internal.HistoryReport;
import io.deltalake4j.cli.internal.Numbers;
import io.deltalake4j.cli.internal.Scalars;
import io.deltalake4j.cli.internal.TableRowWriter;
import io.deltalake4j.cli.internal.TextTable;
import io.deltalake4j.cli.internal.TextTable.Column;
import io.deltalake4j.sample.SalesData;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The demo's steps, each printed under a heading: write, pruned scan, revenue, time travel, history, detail. */
final class DemoSections {

  /** The filter the pruned scan shows: one of the twelve partitions. */
  static final String PRUNED_FILTER = "region = 'us-east' AND month = 1";

  /** The seed of the appended batch (version 0 uses SalesData's own, 42). */
  static final long APPEND_SEED = 43;

  static final int SHOWN_ROWS = 5;

  private final DeltaLake lake;
  private final String path;
  private final PrintWriter out;

  DemoSections(DeltaLake lake, String path, PrintWriter out) {
    this.lake = lake;
    this.path = path;
    this.out = out;
  }

  void run(int rows, int appended) {
    DeltaTable table = write(rows, appended);
    prunedScan(table);
    revenueByRegion(table);
    timeTravel(table);
    heading("History");
    HistoryReport.table(out, table.history(20));
    heading("Detail");
    DetailReport.table(out, table.detail());
  }

  /** Version 0 creates the table with {@code rows} rows; version 1 appends ids {@code rows+1 ..}. */
  private DeltaTable write(int rows, int appended) {
    heading("Write: version 0 creates the table, version 1 appends");
    CommitResult created = lake.create(path)
        .schema(SalesData.SCHEMA)
        .partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new))
        .property(DemoWarehouse.MARKER, "true")
        .rows(SalesData.rows(rows))
        .commit();
    DeltaTable table = lake.table(path);
    CommitResult append = table.append().rows(SalesData.rows(rows + 1L, appended, APPEND_SEED)).commit();
    TextTable t = new TextTable(out, List.of(Column.right("version"), Column.left("operation"),
        Column.right("rows"), Column.right("files"), Column.right("bytes"), Column.right("seconds")), 0);
    for (CommitResult r : List.of(created, append)) {
      t.add(List.of(Long.toString(r.version()), r.operation(), Numbers.count(r.rowsWritten()),
          Numbers.count(r.filesAdded()), Numbers.count(r.bytesWritten()),
          String.format(Locale.ROOT, "%.2f", r.duration().toNanos() / 1e9)));
    }
    t.finish();
    return table.refresh();
  }

  /** The first rows of one partition, the match count, and what pruning saved, from one streamed scan. */
  private void prunedScan(DeltaTable table) {
    heading("Pruned scan: " + PRUNED_FILTER);
    try (RowIterator rows = table.scan().where(PRUNED_FILTER).rows()) {
      TableRowWriter shown = new TableRowWriter(out, rows.schema());
      long n = 0;
      while (rows.hasNext()) {
        Row row = rows.next();
        if (n++ < SHOWN_ROWS) {
          shown.write(row);
        }
      }
      shown.finish();
      ScanMetrics m = rows.metrics();
      out.println(Numbers.count(m.rowsReturned(), "row matches", "rows match") + " (first "
          + Math.min(SHOWN_ROWS, n) + " shown), version " + m.version());
      out.println("files: " + Numbers.count(m.filesInSnapshot()) + " in snapshot, "
          + Numbers.count(m.filesPrunedByPartition()) + " pruned by partition, "
          + Numbers.count(m.filesSkippedByStats()) + " skipped by stats, "
          + Numbers.count(m.filesRead()) + " read; " + Numbers.bytes(m.bytesRead()) + " read");
    }
  }

  /** Sum of price * quantity and row count per region, streaming a scan of three columns. */
  private void revenueByRegion(DeltaTable table) {
    heading("Revenue by region: sum(price * quantity), streaming region, price, quantity");
    Map<String, Totals> byRegion = new TreeMap<>();
    Totals all = new Totals();
    ScanMetrics m;
    try (RowIterator rows = table.scan().select("region", "price", "quantity").rows()) {
      while (rows.hasNext()) {
        Row row = rows.next();
        BigDecimal revenue = row.isNull(1) || row.isNull(2)
            ? BigDecimal.ZERO
            : row.getDecimal(1).multiply(BigDecimal.valueOf(row.getInt(2)));
        byRegion.computeIfAbsent(String.valueOf(row.getString(0)), k -> new Totals()).add(revenue);
        all.add(revenue);
      }
      m = rows.metrics();
    }
    TextTable t = new TextTable(out, List.of(Column.left("region"), Column.right("rows"), Column.right("revenue")), 0);
    byRegion.forEach((region, totals) -> t.add(totals.cells(region)));
    t.add(all.cells("total"));
    t.finish();
    out.println("read " + Numbers.count(m.filesRead(), "file", "files") + ", " + Numbers.bytes(m.bytesRead())
        + ", " + Numbers.count(m.rowsRead(), "row", "rows") + " (3 of " + table.schema().size() + " columns decoded)");
  }

  /** Row counts at version 0 and at the latest version, in all and in the pruned partition. */
  private void timeTravel(DeltaTable latest) {
    heading("Time travel: version 0 vs latest");
    TextTable t = new TextTable(out, List.of(Column.left("version"), Column.left("committed"),
        Column.right("rows"), Column.right(PRUNED_FILTER)), 0);
    for (DeltaTable v : List.of(latest.asOfVersion(0), latest)) {
      t.add(List.of(v.version() + (v.version() == latest.version() ? " (latest)" : ""),
          Scalars.timestamp(v.timestamp()),
          Numbers.count(v.scan().count()),
          Numbers.count(v.scan().where(PRUNED_FILTER).count())));
    }
    t.finish();
  }

  /** A blank line and the title; what came before is flushed, so the steps show as they finish. */
  private void heading(String title) {
    out.println();
    out.println("== " + title + " ==");
    out.flush();
  }

  /** The path as a shell word: as is when it is plain, else in single quotes. */
  static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./=:@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** Rows and revenue of a group. */
  private static final class Totals {
    long rows;
    BigDecimal revenue = BigDecimal.ZERO;

    void add(BigDecimal r) {
      rows++;
      revenue = revenue.add(r);
    }

    List<String> cells(String label) {
      return List.of(label, Numbers.count(rows), Numbers.amount(revenue));
    }
  }
}
