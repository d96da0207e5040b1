package io.deltalake4j.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people: a header, a rule of dashes, then one line per row, columns two
 * spaces apart, numbers right-aligned. Null cells show as {@code NULL}; control characters and
 * line separators show escaped (a line feed as {@code \n}, U+2028 as {@code \}{@code u2028}), so
 * every row stays on one line; cells longer than the column limit are cut with {@code …}.
 *
 * <p>Rows stream: the column widths come from the header and the first {@value #SAMPLE_ROWS}
 * rows, which are held back until then; a later, wider cell widens its own line only. Not
 * thread-safe; call {@link #finish()} once at the end.
 */
public final class TextTable {

  /** How many rows are held back to size the columns. */
  public static final int SAMPLE_ROWS = 1000;

  private static final String GAP = "  ";

  public enum Align { LEFT, RIGHT }

  /** A column: its header and alignment. */
  public record Column(String header, Align align) {
    public static Column left(String header) {
      return new Column(header, Align.LEFT);
    }

    public static Column right(String header) {
      return new Column(header, Align.RIGHT);
    }
  }

  private final PrintWriter out;
  private final List<Column> columns;
  private final int maxCellWidth;
  private final List<String[]> sample = new ArrayList<>();
  private int[] widths;

  /**
   * @param maxCellWidth the longest a cell may be, in characters, or 0 for no limit
   */
  public TextTable(PrintWriter out, List<Column> columns, int maxCellWidth) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Invalid table: no columns.");
    }
    if (maxCellWidth != 0 && maxCellWidth < 2) {
      throw new IllegalArgumentException("Invalid cell width limit: " + maxCellWidth + ". Use 0 (none) or 2 and more.");
    }
    this.out = out;
    this.columns = List.copyOf(columns);
    this.maxCellWidth = maxCellWidth;
  }

  /** Adds a row of cells, one per column; a null cell shows as {@code NULL}. */
  public void add(List<String> cells) {
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException(
          "Invalid table row: " + cells.size() + " cells for " + columns.size() + " columns.");
    }
    String[] shown = new String[cells.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = cell(cells.get(i));
    }
    if (widths != null) {
      print(shown);
      return;
    }
    sample.add(shown);
    if (sample.size() >= SAMPLE_ROWS) {
      printSample();
    }
  }

  /** Prints what is held back (at least the header). */
  public void finish() {
    if (widths == null) {
      printSample();
    }
  }

  private void printSample() {
    widths = new int[columns.size()];
    String[] headers = new String[columns.size()];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = cell(columns.get(i).header());
      widths[i] = width(headers[i]);
    }
    for (String[] row : sample) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    print(headers);
    String[] rule = new String[widths.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    print(rule);
    sample.forEach(this::print);
    sample.clear();
  }

  private void print(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(GAP);
      }
      String pad = " ".repeat(Math.max(0, widths[i] - width(cells[i])));
      if (columns.get(i).align() == Align.RIGHT) {
        line.append(pad).append(cells[i]);
      } else {
        line.append(cells[i]).append(pad);
      }
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    line.setLength(end);
    out.println(line);
  }

  private String cell(String value) {
    if (value == null) {
      return "NULL";
    }
    String escaped = escapeControls(value);
    if (maxCellWidth > 0 && width(escaped) > maxCellWidth) {
      return escaped.substring(0, escaped.offsetByCodePoints(0, maxCellWidth - 1)) + "…";
    }
    return escaped;
  }

  private static String escapeControls(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isControl(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out == null ? value : out.toString();
  }

  /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
