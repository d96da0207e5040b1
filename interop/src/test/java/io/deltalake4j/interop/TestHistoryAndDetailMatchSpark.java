package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.Commit;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.TableDetail;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.Storages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our history() and detail() say what Spark's DESCRIBE HISTORY and DESCRIBE DETAIL say. */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestHistoryAndDetailMatchSpark {
  static Stream<Arguments> tables() {
    return TestReadsSparkTables.tables();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tables")
  void historyEqualsDescribeHistory(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable ours = lake.table(path);

    for (int limit : new int[] {1, 3, 15}) {
      assertThat(commits(ours.history(limit))).as("history(%d)", limit)
          .isEqualTo(SparkHistory.commits(spark, path, limit));
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tables")
  void historyOfAnOlderVersionEndsAtThatVersion(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable latest = lake.table(path);
    long older = latest.version() / 2;

    List<Commit> history = latest.asOfVersion(older).history(2);

    List<List<Object>> all = SparkHistory.commits(spark, path, SparkHistory.ALL);
    List<List<Object>> expected = all.subList((int) (latest.version() - older), Math.min(all.size(), (int) (latest.version() - older) + 2));
    assertThat(commits(history)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tables")
  void detailEqualsDescribeDetail(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    TableDetail ours = lake.table(path).detail();
    Row theirs = SparkHistory.detail(spark, path);

    assertThat(ours.format()).isEqualTo(theirs.getString(theirs.fieldIndex("format")));
    assertThat(ours.id()).isEqualTo(theirs.getString(theirs.fieldIndex("id")));
    assertThat(ours.name().orElse(null)).isEqualTo(theirs.getString(theirs.fieldIndex("name")));
    assertThat(ours.description().orElse(null)).isEqualTo(theirs.getString(theirs.fieldIndex("description")));
    assertThat(ours.location()).isEqualTo(theirs.getString(theirs.fieldIndex("location")));
    assertThat(ours.createdAt().orElse(null)).isEqualTo(theirs.<Instant>getAs("createdAt"));
    assertThat(ours.lastModified()).isEqualTo(theirs.<Instant>getAs("lastModified"));
    assertThat(ours.partitionColumns()).isEqualTo(theirs.getList(theirs.fieldIndex("partitionColumns")));
    assertThat(ours.numFiles()).isEqualTo(theirs.getLong(theirs.fieldIndex("numFiles")));
    assertThat(ours.sizeInBytes()).isEqualTo(theirs.getLong(theirs.fieldIndex("sizeInBytes")));
    assertThat(ours.properties()).isEqualTo(SparkHistory.javaMap(theirs, "properties"));
    assertThat(ours.minReaderVersion()).isEqualTo(theirs.getInt(theirs.fieldIndex("minReaderVersion")));
    assertThat(ours.minWriterVersion()).isEqualTo(theirs.getInt(theirs.fieldIndex("minWriterVersion")));
    assertThat(new ArrayList<>(ours.protocol().features()))
        .isEqualTo(new ArrayList<>(new TreeSet<>(theirs.<String>getList(theirs.fieldIndex("tableFeatures")))));
  }

  /** Our commits in the form of {@link SparkHistory#commits}. */
  static List<List<Object>> commits(List<Commit> history) {
    List<List<Object>> out = new ArrayList<>();
    for (Commit c : history) {
      out.add(Arrays.asList(
          c.version(),
          c.timestamp(),
          c.operation(),
          c.operationParameters(),
          c.readVersion().isPresent() ? c.readVersion().getAsLong() : null,
          c.isBlindAppend().orElse(null),
          c.operationMetrics(),
          c.engineInfo().orElse(null),
          c.userMetadata().orElse(null)));
    }
    return out;
  }
}
