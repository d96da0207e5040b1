package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.ConstraintViolationException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * overwrite().where(...) (replaceWhere) replaces exactly the rows the predicate covers: whole files
 * for partition predicates, copy-on-write for data predicates, and refuses rows outside it.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestOverwriteWhere {

  /** The sales table: 2,400 rows in 12 partitions (region, year, month). */
  private static String sales(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("sales");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(2_400)).commit();
    return path;
  }

  private static List<Row> rows(long first, int n, Predicate<Row> keep) {
    List<Row> out = new ArrayList<>();
    for (Row r : SalesData.rows(first, n * 12, 9)) {
      if (keep.test(r) && out.size() < n) {
        out.add(r);
      }
    }
    return out;
  }

  private static Map<Long, Row> byId(DeltaTable t) {
    Map<Long, Row> out = new TreeMap<>();
    t.scan().toList().forEach(r -> out.put(r.getLong("transaction_id"), r));
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aPartitionPredicateReplacesThosePartitionsWholeAndNothingElse(StorageUnderTest storage, DeltaLake lake) {
    String path = sales(storage, lake);
    DeltaTable before = lake.table(path);
    Map<Long, Row> old = byId(before);
    List<Row> fresh = rows(10_001, 50, r -> r.getString("region").equals("us-east") && r.getInt("month") == 1);

    CommitResult r = before.overwrite().where("region = 'us-east' AND month = 1").rows(fresh).commit();

    DeltaTable after = lake.table(path);
    Map<Long, Row> expected = new TreeMap<>(old);
    expected.values().removeIf(row -> row.getString("region").equals("us-east") && row.getInt("month") == 1);
    fresh.forEach(row -> expected.put(row.getLong("transaction_id"), row));
    assertThat(byId(after)).isEqualTo(expected);
    assertThat(r.filesRemoved()).isEqualTo(1);
    assertThat(r.rowsCopied()).isZero();
    assertThat(after.detail().numFiles()).isEqualTo(before.detail().numFiles());
    Commit commit = after.history(1).get(0);
    assertThat(commit.operationParameters())
        .containsEntry("mode", "Overwrite")
        .containsEntry("predicate", "region = 'us-east' AND month = 1");
    assertThat(commit.operationMetrics()).containsEntry("numRemovedFiles", "1").containsEntry("numOutputRows", "50");
    assertThat(commit.isBlindAppend()).hasValue(false);
    assertThat(commit.readVersion()).hasValue(0);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aDataPredicateRewritesTheFilesItTouchesKeepingTheirOtherRows(StorageUnderTest storage, DeltaLake lake) {
    String path = sales(storage, lake);
    DeltaTable before = lake.table(path);
    Map<Long, Row> old = byId(before);
    Predicate<Row> covered = row -> row.getDecimal("price").compareTo(new java.math.BigDecimal("900")) >= 0;
    long coveredRows = old.values().stream().filter(covered).count();
    List<Row> fresh = rows(20_001, 10, covered);

    CommitResult r = before.overwrite().where("price >= 900").rows(fresh).commit();

    Map<Long, Row> expected = new TreeMap<>(old);
    expected.values().removeIf(covered);
    fresh.forEach(row -> expected.put(row.getLong("transaction_id"), row));
    assertThat(byId(lake.table(path))).isEqualTo(expected);
    assertThat(r.rowsCopied()).isEqualTo(2_400 - coveredRows);
    assertThat(r.rowsWritten()).isEqualTo(2_400 - coveredRows + 10);
    assertThat(lake.table(path).history(1).get(0).operationMetrics())
        .containsEntry("numDeletedRows", Long.toString(coveredRows))
        .containsEntry("numCopiedRows", Long.toString(2_400 - coveredRows));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void filesWithoutCoveredRowsAreLeftAlone(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("untouched");
    StructType schema = StructType.builder().add("id", PrimitiveType.LONG).add("v", PrimitiveType.STRING).build();
    lake.create(path).schema(schema).rows(List.of(Row.of(schema, 1L, "a"), Row.of(schema, 2L, "b"))).commit();
    lake.table(path).append().rows(List.of(Row.of(schema, 100L, "c"))).commit();

    CommitResult r = lake.table(path).overwrite().where("id >= 100").rows(List.of(Row.of(schema, 101L, "d"))).commit();

    assertThat(r.filesRemoved()).isEqualTo(1);
    assertThat(r.rowsCopied()).isZero();
    assertThat(lake.table(path).scan().toList()).extracting(row -> row.getLong("id")).containsExactlyInAnyOrder(1L, 2L, 101L);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void rowsForWhichThePredicateIsNullAreKept(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("nulls");
    StructType schema = StructType.builder().add("id", PrimitiveType.LONG).add("v", PrimitiveType.INT).build();
    lake.create(path).schema(schema).rows(List.of(Row.of(schema, 1L, 5), Row.of(schema, 2L, null), Row.of(schema, 3L, 50))).commit();

    lake.table(path).overwrite().where("v < 10").rows(List.of(Row.of(schema, 4L, 7))).commit();

    assertThat(lake.table(path).scan().toList()).extracting(row -> row.getLong("id")).containsExactlyInAnyOrder(2L, 3L, 4L);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aRowOutsideThePredicateFailsTheWriteAndLeavesNothing(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = sales(storage, lake);
    int files = TestReadWrite.parquetFiles(path).size();
    List<Row> fresh = new ArrayList<>(rows(30_001, 20, r -> r.getString("region").equals("us-east")));
    fresh.addAll(rows(40_001, 1, r -> r.getString("region").equals("us-west")));

    assertThatThrownBy(() -> lake.table(path).overwrite().where("region = 'us-east'").rows(fresh).commit())
        .isInstanceOf(ConstraintViolationException.class)
        .hasMessageContaining("region = 'us-east'")
        .hasMessageContaining("region=us-west")
        .hasMessageContaining("outside it");
    assertThat(lake.table(path).version()).isZero();
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(files);
  }
}
