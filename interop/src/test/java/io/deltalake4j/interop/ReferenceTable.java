package io.deltalake4j.interop;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Spark-written tables that deltalake4j must read exactly as Spark does, each with the filters and
 * projections the differential tests run through both engines. Filters are SQL text that means the same
 * to Spark SQL and to {@code io.deltalake4j.filter.Filter.parse}, so one string drives both sides.
 */
enum ReferenceTable {
  SALES(
      b -> SparkTables.sales(b, ReferenceTable.SALES_ROWS),
      () -> ExpectedRows.sales(ReferenceTable.SALES_ROWS),
      List.of(
          "region = 'us-east' AND month = 1",
          "region = 'us-east' AND month = 3",
          "month IN (1, 2) AND price BETWEEN 10 AND 200",
          "price >= 990",
          "price = 500.50 OR price < 2",
          "product LIKE 'lap%' OR quantity > 8",
          "NOT (region = 'us-west') AND quantity <= 2",
          "sale_date >= DATE '2024-06-01' AND sale_date < DATE '2024-07-01'",
          "transaction_id < 10 OR region != 'eu-central'",
          "region IN ('us-east', 'asia-pacific') AND year = 2024 AND price < 50",
          "region LIKE 'us%' AND month > 10",
          "(month = 1 OR transaction_id = 7) AND product <> 'phone'",
          "NOT (month BETWEEN 2 AND 11) OR region IS NULL"),
      List.of(
          List.of("price", "transaction_id"),
          List.of("month", "region"),
          List.of("sale_date", "year", "product", "quantity"))),

  DELETION_VECTORS(
      SparkTables::deletionVectors,
      ExpectedRows::deletionVectors,
      List.of(
          "id < 50",
          "category = 'c1' AND amount > 100",
          "id IN (3, 7, 10, 11, 12)",
          "amount BETWEEN 10 AND 20 OR id >= 290",
          "NOT (category = 'c0')"),
      List.of(List.of("amount", "id"), List.of("category"))),

  COLUMN_MAPPING_NAME(
      SparkTables::columnMappingName,
      ExpectedRows::columnMappingName,
      List.of(
          "department = 'eng'",
          "score > 2",
          "score IS NULL",
          "`home city` IS NOT NULL",
          "given_name LIKE 'd%'",
          "id >= 3 AND department IN ('ops', 'sales')",
          "department = 'eng' AND score >= 2.5"),
      List.of(List.of("home city", "given_name"), List.of("department"), List.of("tags", "id"))),

  MANY_SMALL_COMMITS(
      b -> SparkTables.manySmallCommits(b, ReferenceTable.MANY_COMMITS),
      () -> ExpectedRows.manySmallCommits(ReferenceTable.MANY_COMMITS),
      List.of("id BETWEEN 15 AND 25", "label = 'row-7'", "id > 100 OR label LIKE 'row-1%'"),
      List.of(List.of("label"))),

  V2_CHECKPOINT(
      SparkTables::v2Checkpoint,
      ExpectedRows::v2Checkpoint,
      List.of("id > 10", "label IN ('row-1', 'row-21')"),
      List.of(List.of("label", "id"))),

  ALL_TYPES(
      SparkTables::allTypes,
      ExpectedRows::allTypes,
      List.of(
          "c_boolean = TRUE",
          "c_boolean = FALSE OR c_boolean IS NULL",
          "c_byte < 0",
          "c_short >= 0",
          "c_int != 0",
          "c_long > 0 OR c_long IS NULL",
          "c_float > 1.0",
          "c_float = 0",
          "c_double < 0",
          "c_double = 2.25",
          "c_double > 1000000",
          "c_double = 0",
          "c_double <= 0",
          "c_double IN (0, 2.25)",
          "c_float = 0.1",
          "c_float > 0.1",
          "c_float <= 0.1",
          "c_float IN (0.1, 0)",
          "NOT (c_float = 0)",
          "c_decimal38 > 0",
          "c_decimal5 BETWEEN -1 AND 1",
          "c_string LIKE 'h%'",
          "c_string = ''",
          "c_string >= 'a'",
          "c_binary IS NOT NULL",
          "c_date < DATE '2000-01-01'",
          "c_date = DATE '2024-02-29'",
          "c_timestamp >= TIMESTAMP '2024-01-01 00:00:00'",
          "c_timestamp < TIMESTAMP '1970-01-01 00:00:00'",
          "c_timestamp = TIMESTAMP '2024-02-29 12:34:56.123456'",
          "c_timestamp_ntz > TIMESTAMP '2000-01-01 00:00:00'",
          "part IS NULL",
          "part = 'with space/slash=eq%'",
          "part IN ('alpha', 'beta') AND c_int IS NOT NULL",
          "c_struct.i = 1",
          "c_struct.inner.d > 0",
          "c_struct.s IS NULL",
          "c_struct IS NULL",
          "c_array_int IS NULL",
          "id IN (1, 3, 5)"),
      List.of(
          List.of("c_struct", "id"),
          List.of("part"),
          List.of("c_map_struct", "c_array_array", "c_binary", "c_timestamp_ntz"))),

  UPDATED_AND_MERGED(
      SparkTables::updatedAndMerged,
      ExpectedRows::updatedAndMerged,
      List.of("flag = TRUE", "value > 5000", "name LIKE 'merged%'", "id BETWEEN 85 AND 95"),
      List.of(List.of("value", "name"))),

  UPDATED_AND_MERGED_WITH_DELETION_VECTORS(
      SparkTables::updatedAndMergedWithDeletionVectors,
      ExpectedRows::updatedAndMerged,
      List.of("flag = TRUE", "value > 5000", "name LIKE 'merged%'", "id BETWEEN 85 AND 95"),
      List.of(List.of("flag", "id")));

  static final int SALES_ROWS = 1_000;
  static final int MANY_COMMITS = 120;

  private final Function<String, String> builder;
  private final Supplier<List<List<Object>>> expected;
  private final List<String> filters;
  private final List<List<String>> projections;

  ReferenceTable(
      Function<String, String> builder,
      Supplier<List<List<Object>>> expected,
      List<String> filters,
      List<List<String>> projections) {
    this.builder = builder;
    this.expected = expected;
    this.filters = filters;
    this.projections = projections;
  }

  /** Writes the table under {@code base} with Spark, once per run, and returns its path. */
  String path(String base) {
    return builder.apply(base);
  }

  /** The table's rows, computed in plain Java, sorted canonically. */
  List<List<Object>> expectedRows() {
    return CanonicalRows.sorted(expected.get());
  }

  List<String> filters() {
    return filters;
  }

  List<List<String>> projections() {
    return projections;
  }

  /** Whether the table is also written to HDFS: all but the slow one, whose log shape HDFS does not change. */
  boolean onHdfs() {
    return this != MANY_SMALL_COMMITS;
  }
}
