package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures print exactly one line on stderr, {@code deltalake4j: <what went wrong>}, nothing on
 * stdout and no stack trace, and exit 1 (library, storage) or 2 (usage); {@code --verbose} adds the
 * stack trace.
 */
@ExtendWith(Storages.class)
class TestErrors {

  @TempDir static Path dir;
  static String table;

  @BeforeAll
  static void sales() {
    SalesFixture sales = Tables.sales(Storages.local());
    table = sales.table.location();
  }

  /** Asserts the run failed with this exit code and one stderr line holding every key phrase. */
  static void assertFails(CliRun run, int exitCode, String... keyPhrases) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).singleElement().asString().startsWith("deltalake4j: ").contains(keyPhrases);
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void missingTablePathNamesThePath() {
    String missing = dir.resolve("nope").toString();

    assertFails(CliRun.of("scan", missing), 1, "Cannot open table", "nope", "does not exist");
  }

  @Test
  void missingTableArgumentIsAUsageError() {
    assertFails(CliRun.of("history"), 2, "Missing required parameter: 'TABLE'", "'deltalake4j history --help'");
  }

  @Test
  void directoryWithoutALogIsNotADeltaTable() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("data.csv"), "a,b\n");

    assertFails(CliRun.of("detail", plain.toString()), 1, "plain", "not a Delta table");
  }

  @Test
  void unknownColumnInSelectOrFilterIsNamed() {
    assertFails(CliRun.of("scan", table, "--select", "transaction_id,prise"), 1, "'prise'", "price");
    assertFails(CliRun.of("scan", table, "--where", "regoin = 'x'"), 1, "regoin");
  }

  @Test
  void filterThatDoesNotParseGivesThePositionOnOneLine() {
    assertFails(CliRun.of("scan", table, "--where", "region = 'us-east' AND AND month = 1"), 1,
        "Cannot parse filter at position 23", "'AND'");
  }

  @Test
  void literalThatDoesNotFitItsColumnIsRejected() {
    assertFails(CliRun.of("scan", table, "--where", "price >= 'cheap'"), 1, "price", "decimal(10,2)");
  }

  @Test
  void badTimestampIsAUsageErrorListingTheAcceptedForms() {
    assertFails(CliRun.of("scan", table, "--timestamp", "2024-02-30"), 2,
        "--timestamp", "'2024-02-30' is not a timestamp", "2024-06-01T00:00:00Z", "YYYY-MM-DD HH:MM:SS[.ffffff]");
  }

  @Test
  void versionAndTimestampTogetherAreAUsageError() {
    assertFails(CliRun.of("scan", table, "--version", "0", "--timestamp", "2024-06-01"), 2,
        "--version", "--timestamp", "mutually exclusive");
  }

  @Test
  void versionOutOfRangeNamesTheLatestVersion() {
    assertFails(CliRun.of("scan", table, "--version", "5"), 1, "version 5", "latest version is 1");
  }

  @Test
  void timestampBeforeTheFirstCommitIsOutOfRange() {
    assertFails(CliRun.of("scan", table, "--timestamp", "2000-01-01"), 1, "timestamp 2000-01-01T00:00:00Z");
  }

  @Test
  void formatNotOfferedByTheCommandIsAUsageError() {
    assertFails(CliRun.of("scan", table, "--format", "json"), 2, "--format", "'json'", "table, jsonl, csv");
    assertFails(CliRun.of("detail", table, "--format", "csv"), 2, "--format", "'csv'", "table, json");
  }

  @Test
  void negativeOrZeroLimitsAreUsageErrors() {
    assertFails(CliRun.of("scan", table, "--limit", "-1"), 2, "--limit", "'-1' is negative");
    assertFails(CliRun.of("history", table, "--limit", "0"), 2, "--limit", "'0' is out of range");
    assertFails(CliRun.of("scan", table, "--limit", "many"), 2, "--limit", "'many' is not a whole number");
  }

  @Test
  void emptyColumnNameInSelectIsAUsageError() {
    assertFails(CliRun.of("scan", table, "--select", "product,,price"), 2, "--select", "empty column name");
  }

  @Test
  void misspelledCommandOrOptionGetsASuggestion() {
    assertFails(CliRun.of("scna", table), 2, "Unmatched arguments", "'scna'", "Did you mean scan or schema?");
    assertFails(CliRun.of("scan", table, "--wher", "month = 1"), 2, "Unknown option", "--where");
  }

  @Test
  void verboseAddsTheStackTraceAfterTheSameLine() {
    String missing = dir.resolve("nope").toString();

    for (CliRun run : new CliRun[] {CliRun.of("--verbose", "scan", missing), CliRun.of("scan", missing, "--verbose")}) {
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errLines().get(0)).startsWith("deltalake4j: Cannot open table").contains("does not exist");
      assertThat(run.errLines().get(1)).startsWith("io.deltalake4j.exceptions.TableNotFoundException: ");
      assertThat(run.err()).contains("\tat io.deltalake4j.");
    }
  }

  @Test
  void noCommandPrintsTheUsageOnStderr() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("Usage: deltalake4j ").contains("scan", "history", "detail", "schema", "demo");
  }

  @Test
  void helpAndVersionSucceed() {
    CliRun help = CliRun.of("scan", "--help");
    CliRun version = CliRun.of("--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: deltalake4j scan ", "--where=EXPR", "--version=N |", "--timestamp=TS] TABLE");
    assertThat(version.exitCode()).isZero();
    assertThat(version.outLines().get(0)).matches("deltalake4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
