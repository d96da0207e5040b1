package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.sample.SalesData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deltalake4j demo}: writes the sales table in two versions and prints figures that match
 * an independent computation over the same generated rows; a second run replaces the table, and
 * the demo never deletes what is not its own table.
 */
class TestDemoCommand {

  static final int ROWS = 2_000;
  static final int APPENDED = 200;

  /** The rows the demo writes: SalesData rows 1..2000 (seed 42), then 2001..2200 drawn with seed 43. */
  static List<Row> expectedRows() {
    List<Row> rows = new ArrayList<>();
    SalesData.rows(ROWS).forEach(rows::add);
    SalesData.rows(ROWS + 1, APPENDED, 43).forEach(rows::add);
    return rows;
  }

  static boolean usEastJanuary(Row r) {
    return r.getString("region").equals("us-east") && r.getInt("month") == 1;
  }

  @Test
  void demoPrintsEverySectionWithTheRightFigures(@TempDir Path warehouse) {
    List<Row> rows = expectedRows();
    long januaryV0 = rows.subList(0, ROWS).stream().filter(TestDemoCommand::usEastJanuary).count();
    long januaryLatest = rows.stream().filter(TestDemoCommand::usEastJanuary).count();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : rows) {
      revenue.merge(r.getString("region"), r.getDecimal("price").multiply(BigDecimal.valueOf(r.getInt("quantity"))), BigDecimal::add);
      counts.merge(r.getString("region"), 1L, Long::sum);
    }

    CliRun run = CliRun.of("demo", "--warehouse", warehouse.toString(), "--rows", Integer.toString(ROWS));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    String out = run.out();
    assertThat(out).contains(
        "table: " + warehouse.resolve("sales_transactions"),
        "== Write: version 0 creates the table, version 1 appends ==",
        "== Pruned scan: region = 'us-east' AND month = 1 ==",
        "== Revenue by region: sum(price * quantity), streaming region, price, quantity ==",
        "== Time travel: version 0 vs latest ==",
        "== History ==",
        "== Detail ==");
    assertThat(out).doesNotContain("Replacing");
    assertThat(januaryLatest).isEqualTo(183);
    assertThat(out).contains(januaryLatest + " rows match (first 5 shown), version 1\n"
        + "files: 24 in snapshot, 22 pruned by partition, 0 skipped by stats, 2 read; ");
    assertLine(out, "      0  CREATE TABLE  2,000 +12 +[\\d,]+ +\\d+\\.\\d\\d");
    assertLine(out, "      1  WRITE +200 +12 +[\\d,]+ +\\d+\\.\\d\\d");
    revenue.forEach((region, amount) -> assertLine(out,
        Pattern.quote(region) + " +" + Pattern.quote(String.format(Locale.ROOT, "%,d", counts.get(region)))
            + " +" + Pattern.quote(String.format(Locale.ROOT, "%,.2f", amount))));
    assertLine(out, "total +2,200 +" + Pattern.quote(String.format(Locale.ROOT, "%,.2f",
        revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
    assertLine(out, "0 +\\S+Z +2,000 +" + januaryV0);
    assertLine(out, "1 \\(latest\\) +\\S+Z +2,200 +" + januaryLatest);
    assertLine(out, " +1 +\\S+ +WRITE .*");
    assertLine(out, " +0 +\\S+ +CREATE TABLE +isManaged=false.*partitionBy=.*");
    assertLine(out, "numFiles +24");
    assertLine(out, "Done in \\d+\\.\\d s\\.");
    assertThat(out).contains("Explore it:\n  deltalake4j scan " + warehouse.resolve("sales_transactions")
        + " --where \"region = 'us-east' AND month = 1\" --limit 5\n");
  }

  @Test
  void secondRunReplacesTheTableAndSaysSo(@TempDir Path warehouse) {
    String[] args = {"demo", "--warehouse", warehouse.toString(), "--rows", "120"};
    assertThat(CliRun.of(args).exitCode()).isZero();

    CliRun again = CliRun.of(args);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.outLines()).contains("Replacing the demo table from an earlier run.");
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable t = lake.table(warehouse.resolve("sales_transactions").toString());
      assertThat(t.version()).isEqualTo(1);
      assertThat(t.scan().count()).isEqualTo(132);
    }
  }

  @Test
  void relativeWarehouseIsCreatedUnderTheWorkingDirectory() {
    Path cwd = Path.of("").toAbsolutePath();
    Path warehouse = cwd.resolve("target/demo-relative-warehouse");

    CliRun run = CliRun.of("demo", "--warehouse", "target/demo-relative-warehouse", "--rows", "24");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).contains("table: " + warehouse.resolve("sales_transactions"));
    assertThat(warehouse.resolve("sales_transactions/_delta_log")).isDirectory();
  }

  @Test
  void refusesToDeleteADirectoryThatIsNotADeltaTable(@TempDir Path warehouse) throws Exception {
    Path precious = Files.createDirectories(warehouse.resolve("sales_transactions")).resolve("notes.txt");
    Files.writeString(precious, "keep me");

    CliRun run = CliRun.of("demo", "--warehouse", warehouse.toString(), "--rows", "100");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("deltalake4j: Cannot write the demo table at " + warehouse.resolve("sales_transactions"))
        .contains("not a Delta table", "--warehouse");
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void marksItsTableWithATableProperty(@TempDir Path warehouse) {
    CliRun run = CliRun.of("demo", "--warehouse", warehouse.toString(), "--rows", "50");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (DeltaLake lake = DeltaLake.local()) {
      assertThat(lake.table(warehouse.resolve("sales_transactions").toString()).properties())
          .containsEntry("deltalake4j.demo", "true");
    }
  }

  @Test
  void refusesToReplaceADeltaTableItDidNotCreate(@TempDir Path warehouse) {
    // The user's own table, or a demo table from before the mark: same schema and layout, no deltalake4j.demo property.
    String path = warehouse.resolve("sales_transactions").toString();
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(SalesData.SCHEMA).partitionBy(SalesData.PARTITION_COLUMNS.toArray(String[]::new))
          .rows(SalesData.rows(7)).commit();
    }

    CliRun run = CliRun.of("demo", "--warehouse", warehouse.toString(), "--rows", "100");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("deltalake4j: Cannot write the demo table at " + path + ": a Delta table the demo did not create")
        .contains("deltalake4j.demo=true", "Choose another --warehouse, or delete that table yourself");
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable kept = lake.table(path);
      assertThat(kept.version()).isZero();
      assertThat(kept.scan().count()).isEqualTo(7);
    }
  }

  @Test
  void warehouseMustBeALocalDirectory() {
    CliRun run = CliRun.of("demo", "--warehouse", "hdfs://namenode:8020/lake");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--warehouse", "is a URI", "local directory");
  }

  private static void assertLine(String out, String regex) {
    assertThat(out.lines()).as("a line matching %s in:%n%s", regex, out).anyMatch(l -> l.matches(regex));
  }
}
