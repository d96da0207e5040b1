package io.deltalake4j.filter;

import io.deltalake4j.internal.filter.FilterParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Renders filters as the SQL text that {@link Filter#parse} reads back.
 *
 * <p>The text parses to an equal filter when its literals have the types the parser produces
 * (Long; BigDecimal with a fractional part or beyond the long range; Double, String, Boolean,
 * null, LocalDate, and LocalDateTime to the microsecond). Other values print as the nearest literal and come back
 * equal only after binding to a schema: an Integer 5 prints as 5 and parses as a Long; an Instant
 * prints as a TIMESTAMP in UTC and parses as a LocalDateTime; a Float prints as a double. NaN and
 * the infinities print as the strings 'NaN', 'Infinity' and '-Infinity', which the binder accepts
 * for float and double columns only. byte[] prints as X'CAFE'.
 *
 * <p>Two shapes do not come back as the same record. A {@link Filter.Like} whose pattern is a
 * plain prefix ({@code 'abc%'}) parses as the equivalent {@link Filter.StartsWith}. A
 * LocalDateTime or Instant finer than microseconds prints nine fractional digits, which the parser
 * rejects, as timestamp columns hold microseconds.
 */
final class FilterText {
  private FilterText() {}

  static String of(Filter filter) {
    StringBuilder out = new StringBuilder();
    append(out, filter);
    return out.toString();
  }

  /** The column as filter text: bare names where possible, else `backquoted`, joined by dots. */
  static String column(Column column) {
    StringJoiner out = new StringJoiner(".");
    for (String name : column.path()) {
      out.add(FilterParser.isBareName(name) ? name : "`" + name.replace("`", "``") + "`");
    }
    return out.toString();
  }

  private static void append(StringBuilder out, Filter filter) {
    if (filter instanceof Filter.And and) {
      operand(out, and, and.left(), false);
      out.append(" AND ");
      operand(out, and, and.right(), true);
    } else if (filter instanceof Filter.Or or) {
      operand(out, or, or.left(), false);
      out.append(" OR ");
      operand(out, or, or.right(), true);
    } else if (filter instanceof Filter.Not not) {
      out.append("NOT (");
      append(out, not.child());
      out.append(')');
    } else if (filter instanceof Filter.Comparison c) {
      out.append(column(c.column())).append(' ').append(c.op().symbol()).append(' ');
      out.append(literal(c.value()));
    } else if (filter instanceof Filter.IsNull n) {
      out.append(column(n.column())).append(" IS NULL");
    } else if (filter instanceof Filter.IsNotNull n) {
      out.append(column(n.column())).append(" IS NOT NULL");
    } else if (filter instanceof Filter.In in) {
      StringJoiner values = new StringJoiner(", ", " IN (", ")");
      in.values().forEach(v -> values.add(literal(v)));
      out.append(column(in.column())).append(values);
    } else if (filter instanceof Filter.StartsWith s) {
      out.append(column(s.column())).append(" LIKE ").append(prefixPattern(s.prefix()));
    } else {
      Filter.Like like = (Filter.Like) filter;
      out.append(column(like.column())).append(" LIKE ").append(string(like.pattern()));
    }
  }

  /**
   * Writes an AND/OR operand, in parentheses if it is an AND or OR itself, except a left operand
   * with the parent's operator: the parser groups a chain of one operator from the left.
   */
  private static void operand(StringBuilder out, Filter parent, Filter child, boolean right) {
    boolean binary = child instanceof Filter.And || child instanceof Filter.Or;
    boolean leftChain = !right && child.getClass() == parent.getClass();
    if (binary && !leftChain) {
      out.append('(');
      append(out, child);
      out.append(')');
    } else {
      append(out, child);
    }
  }

  /**
   * {@code 'prefix%'}. A prefix holding a wildcard needs the ESCAPE form, which the parser
   * accepts only for prefix patterns: {@code 'a\%b%' ESCAPE '\'}.
   */
  private static String prefixPattern(String prefix) {
    if (prefix.indexOf('%') < 0 && prefix.indexOf('_') < 0) {
      return string(prefix + "%");
    }
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return string(escaped + "%") + " ESCAPE '\\'";
  }

  /** A literal for a value of any of the column types' Java classes. */
  private static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof Double d) {
      return floating(d.toString(), Double.isFinite(d));
    }
    if (value instanceof Float f) {
      // The float's exact value as a double, which a float column binds back to the same float.
      return floating(Double.toString(f.doubleValue()), Float.isFinite(f));
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (value instanceof LocalDateTime t) {
      return "TIMESTAMP '" + timestamp(t) + "'";
    }
    if (value instanceof Instant i) {
      return "TIMESTAMP '" + timestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "'";
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }
    return string(value.toString());
  }

  /** Exponent form, so that the parser reads a Double back; non-finite values as strings. */
  private static String floating(String javaText, boolean finite) {
    if (!finite) {
      return string(javaText);
    }
    return javaText.contains("E") ? javaText : javaText + "E0";
  }

  private static String string(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** YYYY-MM-DD HH:MM:SS, then the fraction without trailing zeros (to micros when exact). */
  private static String timestamp(LocalDateTime t) {
    String time =
        String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    String text = t.toLocalDate() + " " + time;
    int nano = t.getNano();
    if (nano == 0) {
      return text;
    }
    String fraction =
        nano % 1000 == 0
            ? String.format(Locale.ROOT, "%06d", nano / 1000)
            : String.format(Locale.ROOT, "%09d", nano);
    return text + "." + fraction.replaceAll("0+$", "");
  }
}
