package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A rough estimate of the heap a row takes, for bounding what a write holds in memory. It counts
 * object headers, references and payloads as a 64-bit JVM with compressed pointers lays them out;
 * it is meant to be within a small factor, not exact.
 */
final class RowSizes {
  private RowSizes() {}

  static long of(Row row) {
    int n = row.schema().size();
    long size = 32 + 4L * n; // the row, its value array
    for (int i = 0; i < n; i++) {
      size += value(row.get(i));
    }
    return size;
  }

  private static long value(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40 + s.length();
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof BigDecimal d) {
      return 40 + d.unscaledValue().bitLength() / 8;
    }
    if (v instanceof Row r) {
      return of(r);
    }
    if (v instanceof List<?> list) {
      long size = 40 + 4L * list.size();
      for (Object e : list) {
        size += value(e);
      }
      return size;
    }
    if (v instanceof Map<?, ?> map) {
      long size = 48 + 36L * map.size();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        size += value(e.getKey()) + value(e.getValue());
      }
      return size;
    }
    return 24; // a boxed number or boolean, a date or a timestamp
  }
}
