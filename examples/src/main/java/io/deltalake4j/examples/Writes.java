package io.deltalake4j.examples;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.WriteMode;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's writes, as the lakehouse's Python script does them with {@code write_deltalake}:
 * create-or-append, replaceWhere, exactly-once batches, schema evolution, a checkpoint.
 * Run with a table path: {@code Writes /tmp/sales} (an {@code hdfs://} URI works too).
 */
public final class Writes {
  private Writes() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "writes-sales";
    List<Row> januaryEast = new ArrayList<>();
    for (Row r : SalesData.rows(100_001, 2_000, 7)) {
      if (r.getString("region").equals("us-east") && r.getInt("month") == 1) {
        januaryEast.add(r);
      }
    }
    StructType withChannel = StructType.builder().add("transaction_id", PrimitiveType.LONG)
        .add("product", PrimitiveType.STRING).add("quantity", PrimitiveType.INT)
        .add("price", SalesData.SCHEMA.field(3).type()).add("region", PrimitiveType.STRING)
        .add("sale_date", PrimitiveType.DATE).add("year", PrimitiveType.INT).add("month", PrimitiveType.INT)
        .add("channel", PrimitiveType.STRING).build();
    // --- writes ---
    try (DeltaLake lake = DeltaLake.local()) {
      lake.write(path).mode(WriteMode.APPEND)                       // creates the table if it is missing
          .schema(SalesData.SCHEMA).partitionBy("region", "year", "month")
          .rows(SalesData.rows(50_000)).commit();
      DeltaTable sales = lake.table(path);

      CommitResult r = sales.overwrite()                              // replaceWhere: only us-east, January
          .where("region = 'us-east' AND month = 1").rows(januaryEast).commit();
      System.out.printf("v%d: removed %d files, wrote %,d rows%n", r.version(), r.filesRemoved(), r.rowsWritten());

      for (long batch = 1; batch <= 2; batch++) {                     // exactly once per (appId, version)
        sales.append().transaction("ingest", batch).rows(SalesData.rows(200_000 + batch * 10, 10, batch)).commit();
      }
      CommitResult replay = sales.append().transaction("ingest", 2).rows(SalesData.rows(1, 10, 2)).commit();
      System.out.printf("replay: %s; last batch %d%n", replay.outcome(), sales.refresh().lastTransactionVersion("ingest").getAsLong());

      sales.append().mergeSchema(withChannel).userMetadata("adds channel")  // a new nullable column
          .maps(List.of(java.util.Map.of("transaction_id", 300_000L, "region", "eu-central", "year", 2024,
              "month", 5, "channel", "web"))).commit();
      long checkpointed = sales.checkpoint();                          // also done every 10 commits
      DeltaTable latest = sales.refresh();
      System.out.printf("version %d (checkpoint at %d): %,d rows, columns %s%n",
          latest.version(), checkpointed, latest.scan().count(), latest.schema().fieldNames());
    }
    // --- end writes ---
  }
}
