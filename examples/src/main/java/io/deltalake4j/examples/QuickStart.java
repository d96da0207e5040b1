package io.deltalake4j.examples;

import static io.deltalake4j.filter.Filter.col;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.sample.SalesData;

/**
 * The README's quick start: create a partitioned table, append, and read it back with a filter.
 * Run with a table path: {@code QuickStart /tmp/sales} (an {@code hdfs://} URI works too).
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "quickstart-sales";
    // --- quick start ---
    try (DeltaLake lake = DeltaLake.local()) {                 // or DeltaLake.builder().hadoopConf(conf).build()
      lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month")
          .rows(SalesData.rows(50_000)).commit();               // version 0
      DeltaTable sales = lake.table(path);
      try (RowIterator rows = sales.scan()
          .where(col("region").eq("us-east").and(col("price").ge(100)))
          .select("transaction_id", "product", "price").limit(3).rows()) {
        rows.forEachRemaining(System.out::println);             // immutable Rows, typed getters
      }
      long n = sales.scan().where("region = 'us-east' AND month = 1").count();
      System.out.printf("%,d rows in us-east, January; version %d%n", n, sales.version());
    }
    // --- end quick start ---
  }

  /** For the test: the first row the quick start prints. */
  static Row firstRow(DeltaTable sales) {
    return sales.scan().where(col("region").eq("us-east").and(col("price").ge(100))).limit(1).toList().get(0);
  }
}
