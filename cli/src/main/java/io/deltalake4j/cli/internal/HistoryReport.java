package io.deltalake4j.cli.internal;

import io.deltalake4j.Commit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A table's history as DESCRIBE HISTORY shows it, newest commit first. */
public final class HistoryReport {
  private HistoryReport() {}

  /** The longest cell shown (parameters and metrics can be long); jsonl shows everything. */
  static final int MAX_CELL_WIDTH = 60;

  /** One line per commit: version, timestamp, operation, parameters, ..., parameters and metrics as {@code k=v, ...}. */
  public static void table(PrintWriter out, List<Commit> commits) {
    TextTable table = new TextTable(out, List.of(
        TextTable.Column.right("version"),
        TextTable.Column.left("timestamp"),
        TextTable.Column.left("operation"),
        TextTable.Column.left("operationParameters"),
        TextTable.Column.right("readVersion"),
        TextTable.Column.left("isBlindAppend"),
        TextTable.Column.left("operationMetrics"),
        TextTable.Column.left("engineInfo"),
        TextTable.Column.left("userMetadata")), MAX_CELL_WIDTH);
    for (Commit c : commits) {
      table.add(Arrays.asList(
          Long.toString(c.version()),
          Scalars.timestamp(c.timestamp()),
          c.operation(),
          keyValues(c.operationParameters()),
          c.readVersion().isPresent() ? Long.toString(c.readVersion().getAsLong()) : null,
          c.isBlindAppend().map(String::valueOf).orElse(null),
          keyValues(c.operationMetrics()),
          c.engineInfo().orElse(null),
          c.userMetadata().orElse(null)));
    }
    table.finish();
  }

  /** One JSON object per commit and line, with the keys of the table; parameters and metrics as objects. */
  public static void jsonLines(PrintWriter out, List<Commit> commits) {
    for (Commit c : commits) {
      out.print(Json.compact(fields(c)));
      out.print('\n');
    }
  }

  /** The commit's fields by name, in DESCRIBE HISTORY order; absent values are null. */
  static Map<String, Object> fields(Commit c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("version", c.version());
    f.put("timestamp", Scalars.timestamp(c.timestamp()));
    f.put("operation", c.operation());
    f.put("operationParameters", new TreeMap<>(c.operationParameters()));
    f.put("readVersion", c.readVersion().isPresent() ? c.readVersion().getAsLong() : null);
    f.put("isBlindAppend", c.isBlindAppend().orElse(null));
    f.put("operationMetrics", new TreeMap<>(c.operationMetrics()));
    f.put("engineInfo", c.engineInfo().orElse(null));
    f.put("userMetadata", c.userMetadata().orElse(null));
    return f;
  }

  /** {@code a=1, b=2}, sorted by key; empty for an empty map. */
  static String keyValues(Map<String, String> map) {
    List<String> parts = new ArrayList<>(map.size());
    new TreeMap<>(map).forEach((k, v) -> parts.add(k + "=" + v));
    return parts.stream().collect(Collectors.joining(", "));
  }
}
