package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.Commit;
import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j history}: the commits, newest first, as a table or JSON lines, on local disk and HDFS. */
@ExtendWith(Storages.class)
class TestHistoryCommand {

  static String micros(Instant t) {
    return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").format(t.atOffset(ZoneOffset.UTC));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void tableListsTheCommitsNewestFirst(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    List<Commit> commits = sales.table.history(20);

    CliRun run = CliRun.of("history", sales.table.location());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split(" +")).containsExactly("version", "timestamp", "operation", "operationParameters",
        "readVersion", "isBlindAppend", "operationMetrics", "engineInfo", "userMetadata");
    assertThat(lines.get(1)).matches("-+( +-+){8}");
    assertThat(lines.get(2)).startsWith("      1  " + micros(commits.get(0).timestamp()) + "  WRITE ");
    assertThat(lines.get(3)).startsWith("      0  " + micros(commits.get(1).timestamp()) + "  CREATE TABLE  ")
        .contains("partitionBy=[\"region\",\"year\",\"month\"]")
        .contains("deltalake4j/");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonLinesHaveOneObjectPerCommitWithParametersAndMetricsAsObjects(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    List<Commit> commits = sales.table.history(20);
    Commit create = commits.get(1);

    CliRun run = CliRun.of("history", sales.table.location(), "--format", "jsonl");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).startsWith("{\"version\":1,\"timestamp\":\"" + micros(commits.get(0).timestamp())
        + "\",\"operation\":\"WRITE\",\"operationParameters\":{");
    assertThat(run.outLines().get(1)).isEqualTo("{\"version\":0,\"timestamp\":\"" + micros(create.timestamp())
        + "\",\"operation\":\"CREATE TABLE\","
        + "\"operationParameters\":{\"isManaged\":\"false\",\"partitionBy\":\"[\\\"region\\\",\\\"year\\\",\\\"month\\\"]\","
        + "\"properties\":\"{}\"},"
        + "\"readVersion\":" + (create.readVersion().isPresent() ? create.readVersion().getAsLong() : "null") + ","
        + "\"isBlindAppend\":" + create.isBlindAppend().map(String::valueOf).orElse("null") + ","
        + "\"operationMetrics\":{\"numFiles\":\"" + create.operationMetrics().get("numFiles")
        + "\",\"numOutputBytes\":\"" + create.operationMetrics().get("numOutputBytes")
        + "\",\"numOutputRows\":\"" + create.operationMetrics().get("numOutputRows") + "\"},"
        + "\"engineInfo\":\"" + create.engineInfo().orElseThrow() + "\","
        + "\"userMetadata\":null}");
  }

  @Test
  void withoutALimitEveryCommitIsListedAsDescribeHistoryDoes(@TempDir Path dir) {
    Path table = dir.resolve("long-history");
    HandWrittenLog log = HandWrittenLog.at(table).commit(0, HandWrittenLog.PROTOCOL,
        HandWrittenLog.metadataWithIdColumn("long"), HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L));
    for (long v = 1; v <= 24; v++) {
      log.commit(v, HandWrittenLog.commitInfo("SET TBLPROPERTIES", 1_700_000_000_000L + v));
    }

    CliRun run = CliRun.of("history", table.toString(), "--format", "jsonl");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(25);
    assertThat(run.outLines().get(0)).startsWith("{\"version\":24,");
    assertThat(run.outLines().get(24)).startsWith("{\"version\":0,");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void limitKeepsTheNewestCommits(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);

    CliRun run = CliRun.of("history", sales.table.location(), "--format", "jsonl", "--limit", "1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).singleElement().asString().startsWith("{\"version\":1,");
  }
}
