package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.Row;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.examples.support.Report;
import io.deltalake4j.hms.HiveCatalog;
import io.deltalake4j.hms.testing.EmbeddedPostgres;
import io.deltalake4j.hms.testing.Metastores;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.Storages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SalesAnalytics runs on the embedded default, on HDFS with a metastore, and with PostgreSQL; its
 * figures (row counts, the pushdown's average, the targets' totals, the merge's counts, DuckDB's and
 * the group-by's aggregates, daily revenue and growth, the federated join) are checked against a
 * plain Java computation over the generated rows, never read back through the library. File counts
 * and sizes are only checked for consistency.
 */
@ExtendWith({Storages.class, Metastores.class})
class TestSalesAnalytics {
  private static final int ROWS = 50_000;

  /** The sales table after the load, the append and the merge, computed from the generator. */
  private static List<Row> expected;
  /** The same before the merge. */
  private static List<Row> loaded;

  @BeforeAll
  static void computeExpectedRows() {
    loaded = new ArrayList<>();
    SalesData.rows(ROWS).forEach(loaded::add);
    SalesData.rows(ROWS + 1L, ROWS / 10, SalesAnalytics.APPEND_SEED).forEach(loaded::add);

    Map<Long, Row> byId = new TreeMap<>();
    loaded.forEach(r -> byId.put(r.getLong("transaction_id"), r));
    List<Row> partition = loaded.stream().filter(TestSalesAnalytics::inMergedPartition)
        .sorted(Comparator.comparingLong(r -> r.getLong("transaction_id"))).toList();
    for (Row r : partition.subList(0, SalesAnalytics.MERGE_UPDATES)) {
      BigDecimal price = r.getDecimal("price").multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP);
      byId.put(r.getLong("transaction_id"), Row.of(SalesData.SCHEMA, r.getLong("transaction_id"),
          r.getString("product"), r.getInt("quantity"), price, r.getString("region"), r.getDate("sale_date"),
          r.getInt("year"), r.getInt("month")));
    }
    int inserted = 0;
    for (long id = ROWS + ROWS / 10 + 1; inserted < SalesAnalytics.MERGE_INSERTS; id++) {
      if (id % 12 == 1) { // us-west (id % 4 == 1) in February (id % 12 == 1)
        byId.put(id, SalesData.rows(id, 1, id).iterator().next());
        inserted++;
      }
    }
    expected = new ArrayList<>(byId.values());
  }

  private static boolean inMergedPartition(Row r) {
    return r.getString("region").equals("us-west") && r.getInt("month") == 2;
  }

  private static String n(long value) {
    return Report.cell(value);
  }

  private static long count(String cell) {
    return Long.parseLong(cell.replace(",", ""));
  }

  private static String money(BigDecimal value) {
    return Report.cell(value);
  }

  private static BigDecimal revenue(Row r) {
    return r.getDecimal("price").multiply(BigDecimal.valueOf(r.getInt("quantity")));
  }

  @Test
  void everyFigureOnTheEmbeddedDefaultMatchesAPlainComputation(@TempDir Path dir) {
    String warehouse = dir.resolve("warehouse").toString();
    String text = StdOut.of(() -> SalesAnalytics.main(new String[] {"--warehouse", warehouse}));

    assertThat(StdOut.table(text, "Read: latest and by version")).extracting(r -> r.get(1))
        .containsExactly("rows", n(ROWS + ROWS / 10), n(ROWS));

    List<Row> pushed = loaded.stream()
        .filter(r -> r.getString("region").equals("us-east") && r.getDecimal("price").compareTo(BigDecimal.valueOf(100)) >= 0)
        .toList();
    BigDecimal sum = pushed.stream().map(r -> r.getDecimal("price")).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<String> pushdown = StdOut.table(text, "Predicate pushdown").get(1);
    assertThat(pushdown.subList(0, 2))
        .containsExactly(n(pushed.size()), money(sum.divide(BigDecimal.valueOf(pushed.size()), 2, RoundingMode.HALF_UP)));
    long files = count(pushdown.get(2));
    long pruned = count(pushdown.get(3));
    assertThat(pruned).as("files of the three other regions, pruned").isGreaterThan(0).isLessThan(files);
    assertThat(pruned + count(pushdown.get(4)) + count(pushdown.get(5))).isEqualTo(files);

    BigDecimal targets = BigDecimal.ZERO;
    BigDecimal revised = BigDecimal.ZERO;
    for (int region = 0; region < 4; region++) {
      for (int month = 1; month <= 12; month++) {
        BigDecimal target = BigDecimal.valueOf(100_000 + 5_000 * region + 1_000 * month);
        targets = targets.add(target);
        revised = revised.add(target.multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP));
      }
    }
    assertThat(StdOut.table(text, "Write from in-memory rows")).extracting(r -> r.get(2) + " " + r.get(5))
        .containsExactly("rows total target", "48 " + money(targets), "48 " + money(revised));

    List<List<String>> merge = StdOut.table(text, "Merge (upsert) by replaceWhere");
    long partitionBefore = loaded.stream().filter(TestSalesAnalytics::inMergedPartition).count();
    assertThat(merge.get(1).subList(1, 5)).containsExactly(n(partitionBefore), n(SalesAnalytics.MERGE_UPDATES),
        n(SalesAnalytics.MERGE_INSERTS), n(partitionBefore + SalesAnalytics.MERGE_INSERTS));
    assertThat(merge.get(1).get(7)).isEqualTo(n(expected.size()));

    assertThat(StdOut.table(text, "DuckDB on an Arrow scan")).containsExactlyElementsOf(topProducts());
    assertThat(StdOut.table(text, "Group-by over Arrow batches")).containsExactlyElementsOf(groupBy());
    assertThat(StdOut.table(text, "Pipeline: daily revenue")).containsExactlyElementsOf(topGrowth());
    BigDecimal total = expected.stream().map(TestSalesAnalytics::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    long days = expected.stream().map(r -> r.getString("region") + r.getString("product") + r.getDate("sale_date"))
        .distinct().count();
    assertThat(text).contains(String.format("%,d region-product days; total revenue %s", days, money(total)));
  }

  @Test
  void aSecondRunPrintsTheSameFigures(@TempDir Path dir) {
    String[] args = {"--warehouse", dir.resolve("warehouse").toString(), "--rows", "2000"};
    String first = StdOut.of(() -> SalesAnalytics.main(args));
    String second = StdOut.of(() -> SalesAnalytics.main(args));

    for (String heading : List.of("Predicate pushdown", "DuckDB on an Arrow scan", "Group-by over Arrow batches",
        "Pipeline: daily revenue")) {
      assertThat(StdOut.table(second, heading)).as(heading).isEqualTo(StdOut.table(first, heading));
    }
    assertThat(StdOut.table(second, "Read: latest and by version")).extracting(r -> r.get(1))
        .containsExactly("rows", n(2_200), n(2_000));
  }

  @Test
  void onHdfsWithAMetastoreTheTablesAreRegisteredByName() {
    String warehouse = Storages.hdfs().newTablePath("analytics-warehouse");
    String text = StdOut.of(() -> SalesAnalytics.main(new String[] {"--warehouse", warehouse, "--rows", "4000",
        "--metastore", Metastores.hms().uri(), "--database", "analytics"}));

    assertThat(text).contains("== Load: analytics.sales_analytics");
    assertThat(StdOut.table(text, "Read: latest and by version")).extracting(r -> r.get(1))
        .containsExactly("rows", n(4_400), n(4_000));
    try (HiveCatalog hms = HiveCatalog.connect(Metastores.hms().uri())) {
      assertThat(hms.tables("analytics")).containsExactly(new TableName("analytics", "regional_targets"),
          new TableName("analytics", "sales_analytics"));
      assertThat(hms.location(new TableName("analytics", "sales_analytics"))).isEqualTo(warehouse + "/sales_analytics");
    }
  }

  @Test
  void withPostgresDuckDbJoinsItsTableByProduct(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("products.sql");
    Files.writeString(script, """
        CREATE TABLE products (product text PRIMARY KEY, category text NOT NULL, unit_cost numeric(10, 2));
        INSERT INTO products VALUES ('laptop', 'computers', 450.00), ('phone', 'mobile', 210.50),
          ('tablet', 'mobile', 180.25), ('camera', 'imaging', NULL);
        """);
    try (EmbeddedPostgres pg = new EmbeddedPostgres()) {
      pg.load(script);
      String text = StdOut.of(() -> SalesAnalytics.main(new String[] {"--warehouse", dir.resolve("wh").toString(),
          "--postgres", pg.jdbcUrl() + "?user=hms", "--postgres-table", "products"}));

      Map<String, BigDecimal> revenue = new TreeMap<>();
      Map<String, Long> sales = new TreeMap<>();
      for (Row r : expected) {
        revenue.merge(r.getString("product"), revenue(r), BigDecimal::add);
        sales.merge(r.getString("product"), 1L, Long::sum);
      }
      Map<String, List<String>> pgRows = Map.of("laptop", List.of("computers", "450.00"),
          "phone", List.of("mobile", "210.50"), "tablet", List.of("mobile", "180.25"), "camera", List.of("imaging", "NULL"));
      List<List<String>> want = new ArrayList<>();
      want.add(List.of("product", "category", "unit_cost", "sales", "revenue"));
      pgRows.keySet().stream().sorted(Comparator.comparing(revenue::get).reversed()).forEach(p -> want.add(
          List.of(p, pgRows.get(p).get(0), pgRows.get(p).get(1), n(sales.get(p)), money(revenue.get(p)))));
      assertThat(StdOut.table(text, "DuckDB federated")).containsExactlyElementsOf(want);
    }
  }

  @Test
  void anUnknownFlagIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> SalesAnalytics.main(new String[] {"--wharehouse", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown argument '--wharehouse'").hasMessageContaining(SalesAnalytics.USAGE);
  }

  /** DuckDB's query: the two products with the most revenue in each region. */
  private static List<List<String>> topProducts() {
    Map<String, Map<String, BigDecimal>> revenue = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : expected) {
      revenue.computeIfAbsent(r.getString("region"), k -> new TreeMap<>()).merge(r.getString("product"), revenue(r),
          BigDecimal::add);
      counts.merge(r.getString("region") + "/" + r.getString("product"), 1L, Long::sum);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("region", "product", "sales", "revenue"));
    revenue.forEach((region, byProduct) -> byProduct.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).limit(2)
        .forEach(e -> rows.add(List.of(region, e.getKey(), n(counts.get(region + "/" + e.getKey())),
            money(e.getValue())))));
    return rows;
  }

  /** Count, sum, mean, sample std of price, first and last sale, by region and product. */
  private static List<List<String>> groupBy() {
    Map<String, List<Row>> groups = new TreeMap<>();
    expected.forEach(r -> groups.computeIfAbsent(r.getString("region") + "\u0000" + r.getString("product"),
        k -> new ArrayList<>()).add(r));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("region", "product", "count", "sum", "mean", "std", "first sale", "last sale"));
    groups.forEach((key, group) -> {
      double[] prices = group.stream().mapToDouble(r -> r.getDecimal("price").doubleValue()).toArray();
      double mean = java.util.Arrays.stream(prices).sum() / prices.length;
      double squares = java.util.Arrays.stream(prices).map(p -> (p - mean) * (p - mean)).sum();
      BigDecimal sum = group.stream().map(r -> r.getDecimal("price")).reduce(BigDecimal.ZERO, BigDecimal::add);
      LocalDate first = group.stream().map(r -> r.getDate("sale_date")).min(Comparator.naturalOrder()).orElseThrow();
      LocalDate last = group.stream().map(r -> r.getDate("sale_date")).max(Comparator.naturalOrder()).orElseThrow();
      String[] parts = key.split("\u0000");
      rows.add(List.of(parts[0], parts[1], n(group.size()), money(sum), Report.cell(mean),
          Report.cell(Math.sqrt(squares / (prices.length - 1))), first.toString(), last.toString()));
    });
    return rows;
  }

  /** The five largest day-over-day rises of revenue within a region and product. */
  private static List<List<String>> topGrowth() {
    Map<String, TreeMap<LocalDate, BigDecimal>> series = new TreeMap<>();
    expected.forEach(r -> series.computeIfAbsent(r.getString("region") + "\u0000" + r.getString("product"),
        k -> new TreeMap<>()).merge(r.getDate("sale_date"), revenue(r), BigDecimal::add));
    record Rise(String region, String product, LocalDate day, BigDecimal revenue, LocalDate previous, BigDecimal pct) {}
    List<Rise> rises = new ArrayList<>();
    series.forEach((key, days) -> {
      String[] parts = key.split("\u0000");
      Map.Entry<LocalDate, BigDecimal> previous = null;
      for (Map.Entry<LocalDate, BigDecimal> day : days.entrySet()) {
        if (previous != null) {
          BigDecimal pct = day.getValue().subtract(previous.getValue()).multiply(BigDecimal.valueOf(100))
              .divide(previous.getValue(), 2, RoundingMode.HALF_UP);
          rises.add(new Rise(parts[0], parts[1], day.getKey(), day.getValue(), previous.getKey(), pct));
        }
        previous = day;
      }
    });
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("region", "product", "day", "revenue", "previous day", "growth %"));
    rises.stream().sorted(Comparator.comparing(Rise::pct).reversed()).limit(5).forEach(r -> rows.add(List.of(
        r.region(), r.product(), r.day().toString(), money(r.revenue()), r.previous().toString(), money(r.pct()))));
    return rows;
  }
}
