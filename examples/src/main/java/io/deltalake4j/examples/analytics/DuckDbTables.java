package io.deltalake4j.examples.analytics;

import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowScan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB holding tables loaded from Delta scans (handed over as Arrow C Data streams:
 * DuckDB reads the batches' buffers in place) and from PostgreSQL (over JDBC), so that one SQL query
 * can join them. Closing closes the DuckDB connection; the caller owns the allocator and closes it
 * after this.
 */
public final class DuckDbTables implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final BufferAllocator allocator;
  private final Connection duck;

  public DuckDbTables(BufferAllocator allocator) throws SQLException {
    this.allocator = allocator;
    this.duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  /** Copies what the scan returns into the DuckDB table {@code name}, through one Arrow stream. */
  public void load(String name, Scan scan) throws SQLException {
    String table = checked(name);
    try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, ArrowScan.of(scan).open(allocator), stream); // the stream owns the reader
      duck.unwrap(DuckDBConnection.class).registerArrowStream(table + "_arrow", stream);
      try (Statement st = duck.createStatement()) {
        st.execute("CREATE TABLE " + table + " AS SELECT * FROM " + table + "_arrow");
        st.execute("DROP VIEW " + table + "_arrow"); // its stream is consumed, and released below
      }
    }
  }

  /**
   * Copies the PostgreSQL table {@code source} into the DuckDB table {@code name}: numbers, text,
   * booleans, dates and timestamps keep their types; anything else arrives as text.
   */
  public void loadFromPostgres(String jdbcUrl, String source, String name) throws SQLException {
    String from = checked(source);
    String table = checked(name);
    try (Connection pg = DriverManager.getConnection(jdbcUrl);
        Statement select = pg.createStatement();
        ResultSet rows = select.executeQuery("SELECT * FROM " + from)) {
      ResultSetMetaData meta = rows.getMetaData();
      int n = meta.getColumnCount();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= n; c++) {
        columns.add('"' + meta.getColumnName(c).replace("\"", "\"\"") + "\" " + duckType(meta, c));
      }
      try (Statement st = duck.createStatement()) {
        st.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
      }
      String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
        while (rows.next()) {
          for (int c = 1; c <= n; c++) {
            insert.setObject(c, duckType(meta, c).equals("VARCHAR") ? rows.getString(c) : rows.getObject(c));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** A query's answer: its column labels, and its rows as JDBC values. */
  public record Result(List<String> columns, List<List<Object>> rows) {}

  public Result query(String sql) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      for (int c = 1; c <= n; c++) {
        columns.add(rs.getMetaData().getColumnLabel(c));
      }
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
          row.add(rs.getObject(c));
        }
        rows.add(row);
      }
    }
    return new Result(columns, rows);
  }

  private static String duckType(ResultSetMetaData meta, int c) throws SQLException {
    return switch (meta.getColumnType(c)) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "BIGINT";
      case Types.NUMERIC, Types.DECIMAL -> meta.getPrecision(c) > 0 && meta.getPrecision(c) <= 38
          ? "DECIMAL(" + meta.getPrecision(c) + ", " + Math.max(0, meta.getScale(c)) + ")" : "DOUBLE";
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> "DOUBLE";
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.DATE -> "DATE";
      case Types.TIMESTAMP -> "TIMESTAMP";
      default -> "VARCHAR";
    };
  }

  private static String checked(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid table name '" + name
          + "': use letters, digits and underscores, optionally schema.table");
    }
    return name;
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
