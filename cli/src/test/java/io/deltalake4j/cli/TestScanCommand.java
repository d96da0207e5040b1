package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.Row;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j scan}: formats, filter, projection, limit and time travel, on local disk and HDFS. */
@ExtendWith(Storages.class)
class TestScanCommand {

  static final String US_EAST_JANUARY = "region = 'us-east' AND month = 1";

  @Test
  void tableFormatAlignsNumbersRightShowsNullAndEndsWithTheSummary(@TempDir Path dir) {
    StructType schema = StructType.builder()
        .add("id", PrimitiveType.INT).add("name", PrimitiveType.STRING).add("amount", Types.decimal(8, 2)).build();
    String path = dir.resolve("tiny").toString();
    Tables.LAKE.create(path).schema(schema).rows(List.of(
        Row.of(schema, 1, "a", new BigDecimal("1.50")),
        Row.of(schema, 22, null, new BigDecimal("-3.00")),
        Row.of(schema, 333, "ccc", null))).commit();

    CliRun run = CliRun.of("scan", path);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(String.join("\n",
        " id  name  amount",
        "---  ----  ------",
        "  1  a       1.50",
        " 22  NULL   -3.00",
        "333  ccc     NULL",
        "3 rows (version 0; files: 1 in snapshot, 0 pruned by partition, 0 skipped by stats, 1 read)",
        ""));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void prunedScanPrintsTheMatchingRowsAndWhatPruningSaved(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    long expected = sales.allRows.stream()
        .filter(r -> r.getString("region").equals("us-east") && r.getInt("month") == 1).count();

    CliRun run = CliRun.of("scan", sales.table.location(), "--where", US_EAST_JANUARY);

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).matches("transaction_id +product +quantity +price +region +sale_date +year +month");
    assertThat(lines.subList(2, lines.size() - 1)).hasSize((int) expected)
        .allMatch(l -> l.matches(" *\\d+ +\\w+ +\\d+ +\\d+\\.\\d\\d +us-east +2024-01-\\d\\d +2024 +1"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo(expected
        + " rows (version 1; files: 24 in snapshot, 22 pruned by partition, 0 skipped by stats, 2 read)");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonLinesPrintOnlyTheSelectedColumnsOfTheMatchingRows(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    List<String> expected = sales.allRows.stream()
        .filter(r -> r.getLong("transaction_id") % 100 == 0)
        .map(r -> String.format(Locale.ROOT, "{\"price\":\"%s\",\"transaction_id\":%d,\"sale_date\":\"%s\"}",
            r.getDecimal("price").toPlainString(), r.getLong("transaction_id"), r.getDate("sale_date")))
        .sorted()
        .toList();

    CliRun run = CliRun.of("scan", sales.table.location(), "--format", "jsonl",
        "--where", "transaction_id IN (100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100)",
        "--select", "price, transaction_id,sale_date");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).endsWith("\n");
    assertThat(run.outLines().stream().sorted().toList()).isEqualTo(expected).hasSize(11);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void csvHasAHeaderAndCrlfRecordsAndNothingElse(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    String expected = sales.allRows.stream()
        .filter(r -> r.getLong("transaction_id") <= 3)
        .map(r -> r.getLong("transaction_id") + "," + r.getString("product") + "," + r.getDecimal("price").toPlainString())
        .sorted()
        .collect(Collectors.joining("\r\n", "", "\r\n"));

    CliRun run = CliRun.of("scan", sales.table.location(), "--format", "csv",
        "--where", "transaction_id <= 3", "--select", "transaction_id,product,price");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("transaction_id,product,price\r\n");
    String records = run.out().substring("transaction_id,product,price\r\n".length());
    assertThat(records.lines().sorted().collect(Collectors.joining("\r\n", "", "\r\n"))).isEqualTo(expected);
    assertThat(records.split("\r\n", -1)).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void versionAndTimestampReadTheTableAsItWas(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    Instant v0 = sales.table.asOfVersion(0).timestamp();
    String v0Utc = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").format(v0.atOffset(ZoneOffset.UTC));

    CliRun latest = CliRun.of("scan", sales.table.location(), "--format", "jsonl", "--select", "transaction_id");
    CliRun byVersion = CliRun.of("scan", sales.table.location(), "--format", "jsonl", "--select", "transaction_id",
        "--version", "0");
    CliRun byInstant = CliRun.of("scan", sales.table.location(), "--select", "transaction_id", "--limit", "0",
        "--timestamp", v0.toString());
    CliRun bySpacedUtc = CliRun.of("scan", sales.table.location(), "--select", "transaction_id", "--limit", "0",
        "--timestamp", v0Utc);

    assertThat(latest.outLines()).hasSize(1_100);
    assertThat(byVersion.outLines()).hasSize(1_000)
        .containsExactlyInAnyOrderElementsOf(sales.v0Rows.stream()
            .map(r -> "{\"transaction_id\":" + r.getLong("transaction_id") + "}").toList());
    assertThat(byInstant.outLines()).last().asString().startsWith("0 rows (version 0;");
    assertThat(bySpacedUtc.outLines()).last().asString().startsWith("0 rows (version 0;");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void limitStopsAfterNRowsAndTheSummarySaysSo(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);

    CliRun run = CliRun.of("scan", sales.table.location(), "--where", US_EAST_JANUARY, "--limit", "5");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(2 + 5 + 1);
    assertThat(run.outLines()).last().asString()
        .startsWith("5 rows (version 1; files: 24 in snapshot, 22 pruned by partition, 0 skipped by stats, ");
  }

  @Test
  void verboseJsonLinesPutTheSummaryOnStderrOnly() {
    SalesFixture sales = Tables.sales(Storages.local());

    CliRun run = CliRun.of("--verbose", "scan", sales.table.location(), "--format", "jsonl", "--limit", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(2).allMatch(l -> l.startsWith("{\"transaction_id\":"));
    assertThat(run.errLines()).singleElement().asString().startsWith("2 rows (version 1; files: 24 in snapshot");
  }

  /** A table whose column names need backquotes in SQL: one starts with a digit, one is a keyword. */
  static String oddNames(Path dir) {
    StructType schema = StructType.builder()
        .add("3d_int_list", io.deltalake4j.types.ArrayType.of(PrimitiveType.INT))
        .add("date", PrimitiveType.DATE)
        .add("id", PrimitiveType.INT).build();
    String path = dir.resolve("odd-names").toString();
    Tables.LAKE.create(path).schema(schema).rows(List.of(
        Row.of(schema, List.of(1, 2), java.time.LocalDate.of(2024, 9, 9), 7))).commit();
    return path;
  }

  @Test
  void selectTakesBackquotedNamesAsWhereDoes(@TempDir Path dir) {
    CliRun run = CliRun.of("scan", oddNames(dir), "--format", "jsonl",
        "--select", "`date`, `3d_int_list` , id", "--where", "`date` = DATE '2024-09-09'");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("{\"date\":\"2024-09-09\",\"3d_int_list\":[1,2],\"id\":7}");
  }

  @Test
  void selectWithAnUnclosedBackquoteIsAnErrorSayingSo(@TempDir Path dir) {
    CliRun run = CliRun.of("scan", oddNames(dir), "--select", "`date,id");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("Invalid value for option '--select': '`date,id' has no closing backquote for the "
        + "name starting at position 0. Close it, and write `` for a backquote inside a name.");
  }

  @Test
  void variantsPrintAsTheirJsonTextShreddedOrNot(@TempDir Path dir) throws Exception {
    String path = io.deltalake4j.testing.ShreddedVariantFiles.everyLayout(dir).toString();
    String[] scan = {"scan", path, "--select", "id, v", "--where", "id >= 2 AND id <= 5"};

    CliRun jsonl = CliRun.of(concat(scan, "--format", "jsonl"));
    CliRun csv = CliRun.of(concat(scan, "--format", "csv"));
    CliRun table = CliRun.of(scan);

    assertThat(jsonl.err()).isEmpty();
    assertThat(jsonl.outLines()).containsExactly(
        "{\"id\":2,\"v\":{\"email\":\"user@example.com\",\"i8\":7}}",
        "{\"id\":3,\"v\":\"not an object\"}",
        "{\"id\":4,\"v\":{}}",
        "{\"id\":5,\"v\":null}");
    assertThat(csv.out()).isEqualTo(String.join("\r\n",
        "id,v",
        "2,\"{\"\"email\"\":\"\"user@example.com\"\",\"\"i8\"\":7}\"",
        "3,\"\"\"not an object\"\"\"",
        "4,{}",
        "5,",
        ""));
    assertThat(table.out()).isEqualTo(String.join("\n",
        "id  v",
        "--  -----------------------------------",
        " 2  {\"email\":\"user@example.com\",\"i8\":7}",
        " 3  \"not an object\"",
        " 4  {}",
        " 5  NULL",
        "4 rows (version 0; files: 1 in snapshot, 0 pruned by partition, 0 skipped by stats, 1 read)",
        ""));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
