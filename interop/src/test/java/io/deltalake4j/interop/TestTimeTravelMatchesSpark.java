package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.exceptions.VersionNotFoundException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.Storages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Time travel by version and by timestamp reads what Spark's {@code versionAsOf} and {@code
 * timestampAsOf} read, across deletes, updates, merges, schema changes under column mapping, and
 * classic and v2 checkpoints.
 */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestTimeTravelMatchesSpark {
  private static final DateTimeFormatter SPARK_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of(ReferenceTable.DELETION_VECTORS, Bases.LOCAL),
        Arguments.of(ReferenceTable.DELETION_VECTORS, Bases.HDFS),
        Arguments.of(ReferenceTable.COLUMN_MAPPING_NAME, Bases.LOCAL),
        Arguments.of(ReferenceTable.COLUMN_MAPPING_NAME, Bases.HDFS),
        Arguments.of(ReferenceTable.MANY_SMALL_COMMITS, Bases.LOCAL),
        Arguments.of(ReferenceTable.V2_CHECKPOINT, Bases.LOCAL),
        Arguments.of(ReferenceTable.V2_CHECKPOINT, Bases.HDFS),
        Arguments.of(ReferenceTable.UPDATED_AND_MERGED, Bases.LOCAL),
        Arguments.of(ReferenceTable.UPDATED_AND_MERGED_WITH_DELETION_VECTORS, Bases.HDFS));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("versions")
  void everyVersionReadsAsSparkReadsIt(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable latest = lake.table(path);

    for (long v : sampleVersions(latest.version())) {
      Dataset<Row> theirs = spark.read().format("delta").option("versionAsOf", v).load(path);
      DeltaTable ours = latest.asOfVersion(v);

      assertThat(ours.version()).isEqualTo(v);
      assertThat(TestReadsSparkTables.schemaOf(ours)).as("schema at v%d", v).isEqualTo(TestReadsSparkTables.schemaOf(theirs));
      assertThat(LibraryRows.collectSorted(ours.scan())).as("rows at v%d", v).isEqualTo(SparkRows.collectSorted(theirs));
      assertThat(LibraryRows.collectSorted(latest.scan().asOfVersion(v))).as("scan at v%d", v)
          .isEqualTo(SparkRows.collectSorted(theirs));
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("versions")
  void timestampsResolveToTheVersionsSparkResolves(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable latest = lake.table(path);
    List<Instant> times = SparkHistory.timestamps(spark, path);

    for (long v : sampleVersions(latest.version())) {
      Instant at = times.get((int) v);
      Instant justBeforeNext = v + 1 < times.size() ? times.get((int) v + 1).minusMillis(1) : at;
      for (Instant t : new Instant[] {at, justBeforeNext}) {
        DeltaTable ours = latest.asOfTimestamp(t);
        Dataset<Row> theirs = spark.read().format("delta").option("timestampAsOf", SPARK_TIMESTAMP.format(t)).load(path);

        assertThat(ours.version()).as("version at %s", t).isEqualTo(v);
        assertThat(LibraryRows.collectSorted(ours.scan())).as("rows at %s", t).isEqualTo(SparkRows.collectSorted(theirs));
      }
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("versions")
  void outOfRangeVersionsAndTimestampsAreRefusedAsSparkRefusesThem(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable latest = lake.table(path);
    Instant first = SparkHistory.timestamps(spark, path).get(0);

    assertThatThrownBy(() -> latest.asOfVersion(latest.version() + 1))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("latest version is " + latest.version());
    assertThatThrownBy(() -> spark.read().format("delta").option("versionAsOf", latest.version() + 1).load(path).count())
        .hasMessageContaining("version");
    assertThatThrownBy(() -> latest.asOfTimestamp(first.minus(Duration.ofDays(1))))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining(path.substring(path.lastIndexOf('/') + 1));
    assertThatThrownBy(() -> spark.read().format("delta")
            .option("timestampAsOf", SPARK_TIMESTAMP.format(first.minus(Duration.ofDays(1)))).load(path).count())
        .hasMessageContaining("before the earliest version");
  }

  /** Every version of a short log; for a long one, the ends and the versions around each checkpoint. */
  private static long[] sampleVersions(long latest) {
    if (latest <= 10) {
      return LongStream.rangeClosed(0, latest).toArray();
    }
    TreeSet<Long> versions = new TreeSet<>(List.of(0L, 1L, latest - 1, latest));
    for (long c = 10; c <= latest; c += 30) {
      versions.addAll(List.of(c - 1, c, c + 1));
    }
    return versions.stream().filter(v -> v <= latest).mapToLong(Long::longValue).toArray();
  }
}
