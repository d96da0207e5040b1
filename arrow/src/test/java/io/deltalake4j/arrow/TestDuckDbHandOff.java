package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scan handed to DuckDB as an Arrow C Data stream: DuckDB reads the batches' buffers in place
 * and answers SQL over them; nothing passes through rows, and nothing is left allocated.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestDuckDbHandOff {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void duckDbAggregatesAScanExportedAsACDataStream(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("sales");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region", "year", "month").rows(SalesData.rows(20_000)).commit();
    DeltaTable table = lake.table(path);
    Map<String, Object[]> expected = new TreeMap<>();
    for (Row r : table.scan().where("quantity >= 2").toList()) {
      Object[] agg = expected.computeIfAbsent(r.getString("region"), k -> new Object[] {0L, BigDecimal.ZERO.setScale(2)});
      agg[0] = (Long) agg[0] + 1;
      agg[1] = ((BigDecimal) agg[1]).add(r.getDecimal("price"));
    }

    Map<String, Object[]> actual = new TreeMap<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
        Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      ArrowReader reader = ArrowScan.of(table.scan().where("quantity >= 2")).open(allocator);
      Data.exportArrayStream(allocator, reader, stream); // the stream now owns the reader
      connection.unwrap(DuckDBConnection.class).registerArrowStream("sales", stream);
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT region, count(*), sum(price) FROM sales GROUP BY region ORDER BY region")) {
        while (rs.next()) {
          actual.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
        }
      }
    }
    assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
    expected.forEach((region, agg) -> assertThat(actual.get(region)).as(region).containsExactly(agg));
  }
}
