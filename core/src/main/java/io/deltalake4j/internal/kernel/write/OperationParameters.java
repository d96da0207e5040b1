package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.WriteMode;
import io.deltalake4j.filter.Filter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code operationParameters} Spark records, in its format: values are JSON text where Spark
 * writes JSON ({@code partitionBy} is {@code ["region"]}) and plain text otherwise
 * ({@code mode} is {@code Append}).
 */
final class OperationParameters {
  private OperationParameters() {}

  static Map<String, String> create(List<String> partitionColumns, Map<String, String> properties) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("isManaged", "false");
    p.put("partitionBy", jsonArray(partitionColumns));
    p.put("properties", jsonObject(properties));
    return p;
  }

  /**
   * As Spark's WRITE: {@code partitionBy} lists the partition columns the write named (none for a
   * plain append), and {@code predicate} is the replaceWhere condition as SQL text.
   *
   * @param partitionColumns the partition columns given to the write, or null for none
   * @param predicate the overwrite's predicate, or null
   */
  static Map<String, String> write(WriteMode mode, List<String> partitionColumns, Filter predicate) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("mode", mode == WriteMode.OVERWRITE ? "Overwrite" : "Append");
    p.put("partitionBy", jsonArray(partitionColumns == null ? List.of() : partitionColumns));
    if (predicate != null) {
      p.put("predicate", predicate.toString());
    }
    return p;
  }

  static String jsonArray(List<String> values) {
    return values.stream().map(OperationParameters::quote).collect(Collectors.joining(",", "[", "]"));
  }

  static String jsonObject(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** A JSON string literal (RFC 8259 escaping). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
