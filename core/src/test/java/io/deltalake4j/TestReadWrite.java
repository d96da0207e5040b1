package io.deltalake4j;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.filter.Filter;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, append and read back the sales table on local disk and on HDFS. */
@ExtendWith(Storages.class)
class TestReadWrite {

  private static final Comparator<Row> BY_ID = Comparator.comparingLong(r -> r.getLong("transaction_id"));

  private static DeltaLake lake;
  private static final Map<String, SalesFixture> FIXTURES = new ConcurrentHashMap<>();

  @BeforeAll
  static void openLake() {
    lake = DeltaLake.local();
  }

  @AfterAll
  static void closeLake() {
    lake.close();
  }

  /** One table per storage, shared by the tests of this class, which only read it. */
  private static SalesFixture fixture(StorageUnderTest storage) {
    return FIXTURES.computeIfAbsent(
        storage.toString(), s -> SalesFixture.create(lake, storage.newTablePath("sales"), 5_000, 500));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void readsBackEveryRowWrittenAcrossVersions(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);

    assertThat(f.table.version()).isEqualTo(1);
    assertThat(f.table.scan().count()).isEqualTo(5_500);
    assertThat(sorted(f.table.scan().toList())).isEqualTo(f.allRows);
    assertThat(sorted(f.table.asOfVersion(0).scan().toList())).isEqualTo(f.v0Rows);
    assertThat(f.table.scan().asOfVersion(0).count()).isEqualTo(5_000);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void filtersReturnExactlyTheMatchingRows(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);
    List<Case> cases = List.of(
        new Case(col("region").eq("us-east").and(col("month").eq(1)),
            r -> r.getString("region").equals("us-east") && r.getInt("month") == 1),
        new Case(Filter.parse("region = 'us-east' AND price >= 100"),
            r -> r.getString("region").equals("us-east") && r.getDecimal("price").compareTo(BigDecimal.valueOf(100)) >= 0),
        new Case(Filter.parse("price >= 990"), r -> r.getDecimal("price").compareTo(BigDecimal.valueOf(990)) >= 0),
        new Case(Filter.parse("month IN (2, 5) OR product = 'camera'"),
            r -> r.getInt("month") == 2 || r.getInt("month") == 5 || r.getString("product").equals("camera")),
        new Case(Filter.parse("NOT (region = 'us-west') AND quantity BETWEEN 3 AND 4"),
            r -> !r.getString("region").equals("us-west") && r.getInt("quantity") >= 3 && r.getInt("quantity") <= 4),
        new Case(Filter.parse("product LIKE 'head%' AND sale_date < DATE '2024-03-01'"),
            r -> r.getString("product").startsWith("head") && r.getDate("sale_date").isBefore(LocalDate.of(2024, 3, 1))),
        new Case(Filter.parse("transaction_id > 5400 OR region <> 'eu-central'"),
            r -> r.getLong("transaction_id") > 5400 || !r.getString("region").equals("eu-central")),
        new Case(Filter.parse("region = 'us-east' AND month = 3"), r -> false),
        new Case(Filter.parse("price IS NULL"), r -> false),
        new Case(Filter.parse("price IS NOT NULL AND year = 2024"), r -> true));

    for (Case c : cases) {
      List<Row> expected = f.allRows.stream().filter(c.reference).collect(Collectors.toList());
      assertThat(sorted(f.table.scan().where(c.filter).toList())).as(c.filter.toString()).isEqualTo(expected);
      assertThat(f.table.scan().where(c.filter).count()).as("count " + c.filter).isEqualTo(expected.size());
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void partitionFilterPrunesFilesAndDataFilterSkipsByStats(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);

    ScanMetrics pruned;
    try (RowIterator rows = f.table.scan().where("region = 'us-east' AND month = 1").rows()) {
      rows.forEachRemaining(r -> {});
      pruned = rows.metrics();
    }
    // 12 partitions in each of the two versions; month 1 lives only in us-east.
    assertThat(pruned.filesInSnapshot()).isEqualTo(24);
    assertThat(pruned.filesPrunedByPartition()).isEqualTo(22);
    assertThat(pruned.filesSkippedByStats()).isZero();
    assertThat(pruned.filesRead()).isEqualTo(2);
    assertThat(pruned.rowsReturned()).isEqualTo(f.allRows.stream().filter(r -> r.getInt("month") == 1).count());

    // ids above 5,000 exist only in the files the append wrote.
    ScanMetrics skipped = f.table.scan().where("transaction_id > 5000").plan();
    assertThat(skipped.filesPrunedByPartition()).isZero();
    assertThat(skipped.filesSkippedByStats()).isEqualTo(12);
    assertThat(skipped.filesPlanned()).isEqualTo(12);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void selectReturnsOnlyTheNamedColumnsInOrder(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);

    Scan scan = f.table.scan().select("price", "region").where("quantity = 7");
    assertThat(scan.schema().fieldNames()).containsExactly("price", "region");
    List<Row> rows = scan.toList();
    assertThat(rows).hasSize((int) f.allRows.stream().filter(r -> r.getInt("quantity") == 7).count());
    assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(2));

    List<Row> partitionOnly = f.table.scan().select("month").where("month = 12").toList();
    assertThat(partitionOnly).hasSize((int) f.allRows.stream().filter(r -> r.getInt("month") == 12).count());
    assertThat(partitionOnly).allSatisfy(r -> assertThat(r.getInt("month")).isEqualTo(12));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void limitStopsEarly(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);

    try (RowIterator rows = f.table.scan().limit(10).rows()) {
      assertThat(rows.stream().count()).isEqualTo(10);
      assertThat(rows.metrics().filesRead()).isEqualTo(1);
    }
    assertThat(f.table.scan().limit(10).count()).isEqualTo(10);
    assertThat(f.table.scan().where("month = 1").limit(100_000).count())
        .isEqualTo(f.allRows.stream().filter(r -> r.getInt("month") == 1).count());
    assertThat(f.table.scan().limit(0).toList()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void timeTravelsByVersionAndTimestamp(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);
    DeltaTable v0 = f.table.asOfVersion(0);

    assertThat(f.table.asOfTimestamp(v0.timestamp()).version()).isZero();
    assertThat(f.table.asOfTimestamp(f.table.timestamp()).version()).isEqualTo(1);
    assertThat(f.table.scan().asOfTimestamp(v0.timestamp()).count()).isEqualTo(5_000);
    assertThat(v0.refresh().version()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void historyListsCommitsNewestFirst(StorageUnderTest storage) {
    SalesFixture f = fixture(storage);

    List<Commit> history = f.table.history(10);
    assertThat(history).extracting(Commit::version).containsExactly(1L, 0L);
    assertThat(history).extracting(Commit::operation).containsExactly("WRITE", "CREATE TABLE");
    assertThat(history.get(1).operationParameters()).containsEntry("partitionBy", "[\"region\",\"year\",\"month\"]");
    assertThat(history.get(0).engineInfo()).hasValueSatisfying(e -> assertThat(e).contains("deltalake4j/"));
    assertThat(history.get(0).timestamp()).isEqualTo(f.table.timestamp());
    assertThat(f.table.history(1)).extracting(Commit::version).containsExactly(1L);
    assertThat(f.table.asOfVersion(0).history(10)).extracting(Commit::version).containsExactly(0L);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void detailCountsTheLiveFilesAndTheirBytes(StorageUnderTest storage) throws Exception {
    SalesFixture f = fixture(storage);

    TableDetail detail = f.table.detail();
    List<FileStatus> parquet = parquetFiles(f.table.location());
    assertThat(detail.numFiles()).isEqualTo(parquet.size()).isEqualTo(24);
    assertThat(detail.sizeInBytes()).isEqualTo(parquet.stream().mapToLong(FileStatus::getLen).sum());
    assertThat(detail.partitionColumns()).containsExactly("region", "year", "month");
    assertThat(detail.location()).isEqualTo(f.table.location());
    assertThat(detail.version()).isEqualTo(1);
    assertThat(detail.createdAt()).isPresent();
    assertThat(detail.lastModified()).isEqualTo(f.table.timestamp());
    assertThat(detail.minReaderVersion()).isEqualTo(1);
    assertThat(detail.minWriterVersion()).isEqualTo(2);
    assertThat(f.table.asOfVersion(0).detail().numFiles()).isEqualTo(12);
  }

  static List<FileStatus> parquetFiles(String location) throws Exception {
    Path root = new Path(location);
    FileSystem fs = root.getFileSystem(new Configuration());
    List<FileStatus> out = new java.util.ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      if (s.getPath().getName().endsWith(".parquet") && !s.getPath().toString().contains("_delta_log")) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(BY_ID).collect(Collectors.toList());
  }

  private record Case(Filter filter, Predicate<Row> reference) {}
}
