package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.HandWrittenLog;
import io.deltalake4j.testing.LocalLake;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose metaData action has no schemaString, which Spark reads as a table without columns:
 * history and detail show it as DESCRIBE HISTORY and DESCRIBE DETAIL do.
 */
@ExtendWith(LocalLake.class)
class TestTableWithoutSchema {

  static Path withoutSchema(Path dir) {
    Path table = dir.resolve("no-schema");
    HandWrittenLog.at(table)
        .commit(0, HandWrittenLog.PROTOCOL, HandWrittenLog.metadataWithoutSchema("no-schema-id"),
            HandWrittenLog.commitInfo("CREATE TABLE", 1_700_000_000_000L))
        .commit(1, HandWrittenLog.commitInfo("SET TBLPROPERTIES", 1_700_000_001_000L));
    return table;
  }

  @Test
  void historyListsTheCommits(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(withoutSchema(dir).toString());

    assertThat(t.history()).extracting(Commit::operation).containsExactly("SET TBLPROPERTIES", "CREATE TABLE");
  }

  @Test
  void detailShowsWhatTheLogRecords(@TempDir Path dir, DeltaLake lake) {
    TableDetail detail = lake.table(withoutSchema(dir).toString()).detail();

    assertThat(detail.id()).isEqualTo("no-schema-id");
    assertThat(detail.createdAt()).hasValue(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(detail.numFiles()).isZero();
    assertThat(detail.sizeInBytes()).isZero();
    assertThat(detail.partitionColumns()).isEmpty();
    assertThat(detail.properties()).containsExactly(java.util.Map.entry("owner", "hand"));
    assertThat(detail.protocol().minReaderVersion()).isEqualTo(1);
  }

  @Test
  void theSchemaHasNoColumns(@TempDir Path dir, DeltaLake lake) {
    DeltaTable t = lake.table(withoutSchema(dir).toString());

    assertThat(t.schema().fields()).isEmpty();
    assertThat(t.version()).isEqualTo(1);
  }
}
