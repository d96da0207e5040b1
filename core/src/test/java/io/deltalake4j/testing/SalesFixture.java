package io.deltalake4j.testing;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.sample.SalesData;
import java.util.ArrayList;
import java.util.List;

/**
 * A sales table in two versions: v0 creates it with {@code baseRows} rows, v1 appends
 * {@code appendRows} more (ids following on, seed 43). Keeps the rows for reference answers.
 */
public final class SalesFixture {

  public final DeltaTable table;
  public final List<Row> v0Rows;
  public final List<Row> allRows;

  private SalesFixture(DeltaTable table, List<Row> v0Rows, List<Row> allRows) {
    this.table = table;
    this.v0Rows = v0Rows;
    this.allRows = allRows;
  }

  public static SalesFixture create(DeltaLake lake, String path, int baseRows, int appendRows) {
    List<Row> v0 = new ArrayList<>();
    SalesData.rows(baseRows).forEach(v0::add);
    List<Row> v1 = new ArrayList<>();
    SalesData.rows(baseRows + 1, appendRows, 43).forEach(v1::add);
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(v0).commit();
    DeltaTable table = lake.table(path);
    table.append().rows(v1).commit();
    List<Row> all = new ArrayList<>(v0);
    all.addAll(v1);
    return new SalesFixture(table.refresh(), List.copyOf(v0), List.copyOf(all));
  }
}
