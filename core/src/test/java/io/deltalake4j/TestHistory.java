package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.LocalLake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** history() on a long log: all commits by default, as DESCRIBE HISTORY, or the newest N. */
@ExtendWith(LocalLake.class)
class TestHistory {

  /** A table of 30 commits: the create, then 29 commits that only record commit info. */
  static Path thirtyCommits(Path dir) {
    Path table = dir.resolve("thirty-commits");
    HandWrittenLog log = HandWrittenLog.at(table)
        .commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithIdColumn("t-30"),
            HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L));
    for (long v = 1; v < 30; v++) {
      log.commit(v, HandWrittenLog.commitInfo("SET TBLPROPERTIES", 1_700_000_000_000L + v * 1000));
    }
    return table;
  }

  @Test
  void historyWithoutALimitListsEveryCommitNewestFirst(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(thirtyCommits(dir).toString());

    List<Commit> history = t.history();

    assertThat(history).extracting(Commit::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, 29).map(v -> 29 - v).boxed().toList());
    assertThat(history.get(29).operation()).isEqualTo("CREATE TABLE");
  }

  @Test
  void historyWithALimitKeepsTheNewestCommits(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(thirtyCommits(dir).toString());

    assertThat(t.history(3)).extracting(Commit::version).containsExactly(29L, 28L, 27L);
    assertThat(t.asOfVersion(4).history()).extracting(Commit::version).containsExactly(4L, 3L, 2L, 1L, 0L);
  }

  /** {@code [[[...]]]}, {@code depth} arrays deep. */
  private static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void historyReadsACommitInfoWithAValueNestedFiftyThousandLevelsDeep(@TempDir Path dir, DeltaLake lake) {
    String deep = nestedArrays(50_000);
    Path table = dir.resolve("deep-commit-info");
    HandWrittenLog.at(table)
        .commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithIdColumn("t-deep"),
            HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L))
        .commit(1, "{\"commitInfo\":{\"timestamp\":1700000001000,\"operation\":\"SET TBLPROPERTIES\","
            + "\"operationParameters\":{\"properties\":" + deep + ",\"mode\":\"x\"},"
            + "\"readVersion\":0,\"custom\":" + deep + ",\"pipeline\":\"p1\"}}");

    List<Commit> history = lake.table(table.toString()).history();

    assertThat(history).extracting(Commit::version).containsExactly(1L, 0L);
    Commit deepCommit = history.get(0);
    assertThat(deepCommit.operation()).isEqualTo("SET TBLPROPERTIES");
    assertThat(deepCommit.readVersion()).hasValue(0);
    assertThat(deepCommit.operationParameters()).containsExactly(Map.entry("properties", deep), Map.entry("mode", "x"));
    assertThat(deepCommit.commitProperties()).containsExactly(Map.entry("custom", deep), Map.entry("pipeline", "p1"));
  }

  @Test
  void historyGivesNestedValuesAsCompactJsonAndScalarsAsText(@TempDir Path dir, DeltaLake lake) {
    Path table = dir.resolve("nested-values");
    HandWrittenLog.at(table)
        .commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithIdColumn("t-nested"),
            "{\"commitInfo\": {\"inCommitTimestamp\": 1700000000123, \"operation\": \"WRITE\","
                + " \"operationParameters\": {\"partitionBy\": [ \"a\", \"b\" ], \"n\": 1.50, \"none\": null,"
                + " \"s\": \"\\u00e9\\/x\"}, \"isBlindAppend\": true, \"operationMetrics\": {\"numFiles\": \"3\"},"
                + " \"engineInfo\": \"hand\", \"userMetadata\": null, \"tags\": {\"k\": \"v\"},"
                + " \"job\": {\"id\": 7}, \"flag\": false, \"obj\": { \"x\" : [1, {\"y\": null}] }}}");

    Commit commit = lake.table(table.toString()).history().get(0);

    assertThat(commit.timestamp()).isEqualTo(java.time.Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(commit.operationParameters()).containsExactly(
        Map.entry("partitionBy", "[\"a\",\"b\"]"), Map.entry("n", "1.5"), Map.entry("s", "\u00e9/x"));
    assertThat(commit.isBlindAppend()).hasValue(true);
    assertThat(commit.operationMetrics()).containsExactly(Map.entry("numFiles", "3"));
    assertThat(commit.engineInfo()).hasValue("hand");
    assertThat(commit.userMetadata()).isEmpty();
    assertThat(commit.commitProperties()).containsExactly(
        Map.entry("flag", "false"), Map.entry("obj", "{\"x\":[1,{\"y\":null}]}"));
  }
}
