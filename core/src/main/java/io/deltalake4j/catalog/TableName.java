package io.deltalake4j.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table's name in a catalog, {@code database.table}. Both parts are letters, digits and
 * underscores, and compare ignoring case: they are kept in lower case, as the Hive Metastore
 * keeps them.
 */
public record TableName(String database, String table) {

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+");

  public TableName {
    database = part(database, "database");
    table = part(table, "table");
  }

  /**
   * The name in {@code text}.
   *
   * @throws IllegalArgumentException unless it reads {@code database.table}
   */
  public static TableName parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!NAME.matcher(text).matches()) {
      throw new IllegalArgumentException("Invalid table name '" + text
          + "': write database.table, each part letters, digits and underscores, e.g. default.sales.");
    }
    int dot = text.indexOf('.');
    return new TableName(text.substring(0, dot), text.substring(dot + 1));
  }

  /**
   * A database name as catalogs keep it: checked as the first part of a table name, in lower case.
   *
   * @throws IllegalArgumentException unless it is letters, digits and underscores
   */
  public static String database(String text) {
    return part(text, "database");
  }

  /** True if {@code text} reads as a table name, {@code database.table}, rather than a path. */
  public static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  static String part(String text, String what) {
    Objects.requireNonNull(text, what);
    if (!PART.matcher(text).matches()) {
      throw new IllegalArgumentException("Invalid " + what + " name '" + text
          + "': use letters, digits and underscores only.");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return database + "." + table;
  }
}
