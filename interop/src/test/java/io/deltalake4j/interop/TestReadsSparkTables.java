package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.RowIterator;
import io.deltalake4j.Scan;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deltalake4j reads every Spark-written reference table exactly as Spark does: all rows, each
 * projection, and each filter (rows and count), on local disk and on HDFS. Expected rows come from
 * Spark's own read of the same table in the same JVM, and for full scans also from plain Java.
 */
@ExtendWith({SparkFixture.class, Storages.class, LocalLake.class})
class TestReadsSparkTables {
  static Stream<Arguments> tables() {
    List<Arguments> out = new ArrayList<>();
    for (ReferenceTable t : ReferenceTable.values()) {
      out.add(Arguments.of(t, Bases.LOCAL));
      if (t.onHdfs()) {
        out.add(Arguments.of(t, Bases.HDFS));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> filters() {
    return Stream.of(ReferenceTable.values())
        .flatMap(t -> t.filters().stream().map(f -> Arguments.of(t, f)));
  }

  static Stream<Arguments> projections() {
    return Stream.of(ReferenceTable.values())
        .flatMap(t -> t.projections().stream().map(p -> Arguments.of(t, p)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tables")
  void fullScanReturnsSparksRowsSchemaAndVersion(ReferenceTable table, String storage, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(storage));
    DeltaTable ours = lake.table(path);
    Dataset<Row> theirs = spark.read().format("delta").load(path);

    List<List<Object>> rows = LibraryRows.collectSorted(ours.scan());

    assertThat(rows).isEqualTo(table.expectedRows());
    assertThat(rows).isEqualTo(SparkRows.collectSorted(theirs));
    assertThat(ours.scan().count()).isEqualTo(rows.size());
    assertThat(schemaOf(ours)).isEqualTo(schemaOf(theirs));
    assertThat(ours.version()).isEqualTo(TestSparkTables.history(spark, path).size() - 1L);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("filters")
  void filteredScanReturnsSparksRowsAndCount(ReferenceTable table, String filter, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(Bases.LOCAL));
    Scan scan = lake.table(path).scan().where(filter);
    Dataset<Row> theirs = spark.read().format("delta").load(path).where(filter);

    List<List<Object>> expected = SparkRows.collectSorted(theirs);
    List<List<Object>> rows = new ArrayList<>();
    ScanMetrics metrics;
    try (RowIterator it = scan.rows()) {
      it.forEachRemaining(r -> rows.add(LibraryRows.canonicalRow(r)));
      metrics = it.metrics();
    }

    assertThat(CanonicalRows.sorted(rows)).isEqualTo(expected);
    assertThat(scan.count()).isEqualTo(expected.size());
    assertThat(metrics.rowsReturned()).isEqualTo(expected.size());
    assertThat(metrics.rowsRead()).isGreaterThanOrEqualTo(expected.size());
    assertThat(metrics.filesRead()).isLessThanOrEqualTo(metrics.filesPlanned());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("projections")
  void projectedScanReturnsSparksColumns(ReferenceTable table, List<String> columns, SparkSession spark, DeltaLake lake) {
    String path = table.path(Bases.of(Bases.LOCAL));
    String filter = table.filters().get(0);
    Dataset<Row> theirs = spark.read().format("delta").load(path);
    Column[] selected = columns.stream().map(c -> functions.col("`" + c + "`")).toArray(Column[]::new);

    Scan projected = lake.table(path).scan().select(columns);

    assertThat(projected.schema().fieldNames()).isEqualTo(columns);
    assertThat(LibraryRows.collectSorted(projected)).isEqualTo(SparkRows.collectSorted(theirs.select(selected)));
    assertThat(LibraryRows.collectSorted(projected.where(filter)))
        .isEqualTo(SparkRows.collectSorted(theirs.where(filter).select(selected)));
  }

  /** Name, type in SQL spelling and nullability of each top-level column. */
  static List<String> schemaOf(DeltaTable table) {
    List<String> out = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      out.add(f.name() + " " + f.type().sql() + (f.nullable() ? "" : " not null"));
    }
    return out;
  }

  static List<String> schemaOf(Dataset<Row> df) {
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : df.schema().fields()) {
      out.add(f.name() + " " + f.dataType().simpleString() + (f.nullable() ? "" : " not null"));
    }
    return out;
  }
}
