package io.deltalake4j.hms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throwaway PostgreSQL: from the Maven artifact's binaries, on loopback, loaded over JDBC, gone when closed. */
class TestEmbeddedPostgres {

  @Test
  void startsLoadsAScriptAndStopsWhenClosed(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, """
        -- psql would send these one by one; so does load()
        SET standard_conforming_strings = off;
        CREATE TABLE t (id int PRIMARY KEY, s text);
        INSERT INTO t VALUES (1, 'back\\'slash; quoted');
        CREATE FUNCTION twice(x int) RETURNS int AS $$ BEGIN RETURN x * 2; END; $$ LANGUAGE plpgsql;
        INSERT INTO t VALUES (twice(21), E'e\\tstring')
        """);
    String url;
    try (EmbeddedPostgres pg = new EmbeddedPostgres()) {
      url = pg.jdbcUrl();
      assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/metastore");
      pg.load(script);

      List<String> rows = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url, "hms", ""); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT id, s, current_setting('listen_addresses') FROM t ORDER BY id")) {
        while (r.next()) {
          rows.add(r.getInt(1) + "|" + r.getString(2) + "|" + r.getString(3));
        }
      }
      assertThat(rows).containsExactly("1|back'slash; quoted|127.0.0.1", "42|e\tstring|127.0.0.1");

      Files.writeString(script, "SELECT 1;\n\nSELECT * FROM missing;\nSELECT 2;\n");
      assertThatThrownBy(() -> pg.load(script)).hasMessageContaining("script.sql:3").hasMessageContaining("missing");
    }
    URI address = URI.create(url.substring("jdbc:".length()));
    try (Socket s = new Socket()) {
      assertThatThrownBy(() -> s.connect(new InetSocketAddress(address.getHost(), address.getPort()), 1000))
          .as("the server is stopped").isInstanceOf(java.io.IOException.class);
    }
  }
}
