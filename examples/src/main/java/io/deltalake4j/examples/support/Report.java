package io.deltalake4j.examples.support;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the examples print: section headings and aligned tables, numbers right-aligned with
 * thousands separators (whole numbers as {@code 12,345}, decimals and doubles to two places).
 */
public final class Report {
  private final PrintStream out;

  public Report(PrintStream out) {
    this.out = out;
  }

  public void heading(String title) {
    out.println();
    out.println("== " + title);
  }

  public void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }

  /** A table: one header per column, then rows of cells (numbers, text, dates, or null). */
  public void table(List<String> headers, List<? extends List<?>> rows) {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean[] numeric = new boolean[columns];
    List<String[]> shown = new ArrayList<>(rows.size());
    for (int c = 0; c < columns; c++) {
      widths[c] = headers.get(c).length();
      numeric[c] = !rows.isEmpty();
    }
    for (List<?> row : rows) {
      if (row.size() != columns) {
        throw new IllegalArgumentException("Invalid row: " + row.size() + " cells for " + columns + " columns");
      }
      String[] cells = new String[columns];
      for (int c = 0; c < columns; c++) {
        Object value = row.get(c);
        cells[c] = cell(value);
        numeric[c] &= value == null || value instanceof Number;
        widths[c] = Math.max(widths[c], cells[c].length());
      }
      shown.add(cells);
    }
    print(headers.toArray(String[]::new), widths, numeric);
    String[] rule = new String[columns];
    for (int c = 0; c < columns; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    print(rule, widths, numeric);
    shown.forEach(cells -> print(cells, widths, numeric));
  }

  /** How a value is shown: {@code 12,345}, {@code 1,234.50}, {@code NULL}, or its text. */
  public static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%,.2f", value instanceof BigDecimal d ? d : ((Number) value).doubleValue());
    }
    return value.toString();
  }

  private void print(String[] cells, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(widths[c] - cells[c].length());
      line.append(c == 0 ? "" : "  ").append(rightAligned[c] ? pad + cells[c] : cells[c] + pad);
    }
    out.println(line.toString().stripTrailing());
  }
}
