package io.deltalake4j.hms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements psql would send for a script, without psql. */
class TestSqlScript {

  private static List<String> sql(String script) {
    return SqlScript.split(script).stream().map(SqlScript.Statement::sql).toList();
  }

  @Test
  void semicolonsEndStatementsOnlyOutsideStringsCommentsIdentifiersAndParentheses() {
    assertThat(sql("""
        -- a comment; not a statement
        SELECT 'a;b', "odd;name" FROM t; /* block; /* nested; */ still comment; */
        INSERT INTO t VALUES ('it''s; fine', E'\\'; still the string', $$dollar; quoted$$);
        CREATE FUNCTION f(x int) RETURNS int AS $body$ BEGIN RETURN x; END; $body$ LANGUAGE plpgsql;
        CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b);
        SELECT $1::int, a$b FROM t
        """)).containsExactly(
        "SELECT 'a;b', \"odd;name\" FROM t",
        "INSERT INTO t VALUES ('it''s; fine', E'\\'; still the string', $$dollar; quoted$$)",
        "CREATE FUNCTION f(x int) RETURNS int AS $body$ BEGIN RETURN x; END; $body$ LANGUAGE plpgsql",
        "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)",
        "SELECT $1::int, a$b FROM t");
  }

  @Test
  void backslashesEscapeQuotesOnceStandardConformingStringsIsOff() {
    // With standard strings the backslash is a character and the string ends before the semicolon;
    // without, it escapes the quote and the string runs to the quote at the end of the comment.
    String strings = "SELECT 'a\\'; --'\n;\n";
    assertThat(sql(strings)).containsExactly("SELECT 'a\\'");
    assertThat(sql("SET standard_conforming_strings = off;\n" + strings + "SET standard_conforming_strings TO on;\n"
        + strings)).containsExactly("SET standard_conforming_strings = off", "SELECT 'a\\'; --'",
        "SET standard_conforming_strings TO on", "SELECT 'a\\'");
  }

  @Test
  void statementsKnowTheirLinesAndEmptyOnesAreDropped() {
    List<SqlScript.Statement> statements = SqlScript.split("\n;;\n-- c\nSELECT 1;\n\n  SELECT\n 2 ;  ");
    assertThat(statements).containsExactly(new SqlScript.Statement(4, "SELECT 1"),
        new SqlScript.Statement(6, "SELECT\n 2"));
  }

  @Test
  void unterminatedQuotesAreReportedWithTheirLine() {
    assertThatThrownBy(() -> SqlScript.split("SELECT 1;\nSELECT 'open;\n")).hasMessageContaining("string")
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> SqlScript.split("SELECT $x$ never closed $y$")).hasMessageContaining("$x$");
    assertThatThrownBy(() -> SqlScript.split("/* /* */")).hasMessageContaining("comment");
  }

  /** The official metastore schema: one statement per line that ends with a semicolon outside a comment. */
  @Test
  void splitsTheOfficialHiveSchemaScript() throws Exception {
    Path script = Path.of(System.getProperty("deltalake4j.hms.schema", "target/hms-schema/hive-schema-4.0.0.postgres.sql"));
    List<String> lines = Files.readAllLines(script);
    long terminated = lines.stream().filter(l -> !l.strip().startsWith("--") && l.strip().endsWith(";")).count();

    List<SqlScript.Statement> statements = SqlScript.split(Files.readString(script));

    assertThat(statements).hasSize((int) terminated);
    assertThat(statements).allSatisfy(s -> assertThat(s.sql()).matches("(?s)(SET|CREATE|ALTER|INSERT|COMMENT|REVOKE|GRANT) .*"));
    assertThat(statements.get(0)).isEqualTo(new SqlScript.Statement(5, "SET statement_timeout = 0"));
    assertThat(statements.get(statements.size() - 1).sql()).startsWith("INSERT INTO \"VERSION\"");
  }
}
