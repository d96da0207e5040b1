package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.LocalLake;
import java.nio.file.Path;
import java.util.List;
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
}
