package io.deltalake4j.internal.kernel.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltalake4j.WriteMode;
import io.deltalake4j.filter.Filter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code operationParameters} Spark records, in its format: values are JSON text where Spark
 * writes JSON ({@code partitionBy} is {@code ["region"]}) and plain text otherwise
 * ({@code mode} is {@code Append}).
 */
final class OperationParameters {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    return json(values);
  }

  static String jsonObject(Map<String, String> values) {
    return json(values);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write operation parameters as JSON: " + value, e);
    }
  }
}
