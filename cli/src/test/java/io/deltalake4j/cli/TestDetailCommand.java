package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.TableDetail;
import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j detail}: key/value lines or one JSON object, on local disk and HDFS. */
@ExtendWith(Storages.class)
class TestDetailCommand {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void tableIsOneKeyValueLinePerField(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    TableDetail d = sales.table.detail();

    CliRun run = CliRun.of("detail", sales.table.location());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().get(0)).isEqualTo("key               value");
    assertThat(run.outLines().get(1)).matches("-{16}  -{36,}");
    assertThat(run.outLines().subList(2, run.outLines().size())).containsExactly(
        "format            delta",
        "location          " + d.location(),
        "id                " + d.id(),
        "name              NULL",
        "description       NULL",
        "createdAt         " + TestHistoryCommand.micros(d.createdAt().orElseThrow()),
        "lastModified      " + TestHistoryCommand.micros(d.lastModified()),
        "version           1",
        "numFiles          24",
        "sizeInBytes       " + String.format(Locale.ROOT, "%,d bytes (%.1f KiB)", d.sizeInBytes(), d.sizeInBytes() / 1024.0),
        "partitionColumns  [region, year, month]",
        "properties        {}",
        "minReaderVersion  1",
        "minWriterVersion  2",
        "readerFeatures    []",
        "writerFeatures    []");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonIsOneIndentedObject(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);
    TableDetail d = sales.table.detail();

    CliRun run = CliRun.of("detail", sales.table.location(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(String.join("\n",
        "{",
        "  \"format\": \"delta\",",
        "  \"location\": \"" + d.location() + "\",",
        "  \"id\": \"" + d.id() + "\",",
        "  \"name\": null,",
        "  \"description\": null,",
        "  \"createdAt\": \"" + TestHistoryCommand.micros(d.createdAt().orElseThrow()) + "\",",
        "  \"lastModified\": \"" + TestHistoryCommand.micros(d.lastModified()) + "\",",
        "  \"version\": 1,",
        "  \"numFiles\": 24,",
        "  \"sizeInBytes\": " + d.sizeInBytes() + ",",
        "  \"partitionColumns\": [\"region\", \"year\", \"month\"],",
        "  \"properties\": {},",
        "  \"minReaderVersion\": 1,",
        "  \"minWriterVersion\": 2,",
        "  \"readerFeatures\": [],",
        "  \"writerFeatures\": []",
        "}",
        ""));
  }

  @Test
  void aTableWhoseMetadataHasNoSchemaIsShownAsSparkShowsIt(@TempDir Path dir) {
    Path table = dir.resolve("no-schema");
    HandWrittenLog.at(table).commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithoutSchema("no-schema-id"),
        HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L));

    CliRun run = CliRun.of("detail", table.toString(), "--format", "json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"id\": \"no-schema-id\"").contains("\"numFiles\": 0")
        .contains("\"owner\": \"hand\"");
  }

  @Test
  void historyOfATableWhoseMetadataHasNoSchemaListsItsCommits(@TempDir Path dir) {
    Path table = dir.resolve("no-schema");
    HandWrittenLog.at(table).commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithoutSchema("no-schema-id"),
        HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L));

    CliRun run = CliRun.of("history", table.toString(), "--format", "jsonl");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).singleElement().asString().startsWith("{\"version\":0,").contains("\"CREATE TABLE\"");
  }
}
