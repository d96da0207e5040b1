package io.deltalake4j.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine-neutral row form that interop tests compare: what {@link SparkRows} produces from Spark
 * and what deltalake4j rows must be converted to.
 *
 * <p>A row is a {@code List<Object>} in schema order. Values are {@code null} or:
 *
 * <table>
 *   <caption>Canonical Java type per Delta type</caption>
 *   <tr><th>Delta type</th><th>Java value</th></tr>
 *   <tr><td>boolean, byte, short, integer, long, float, double</td>
 *       <td>{@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link Float},
 *           {@link Double}</td></tr>
 *   <tr><td>decimal(p, s)</td><td>{@link java.math.BigDecimal} with scale exactly {@code s}</td></tr>
 *   <tr><td>string</td><td>{@link String}</td></tr>
 *   <tr><td>binary</td><td>{@link Binary} (content equality)</td></tr>
 *   <tr><td>date</td><td>{@link java.time.LocalDate}</td></tr>
 *   <tr><td>timestamp</td><td>{@link java.time.Instant} (UTC, microsecond precision)</td></tr>
 *   <tr><td>timestamp_ntz</td><td>{@link java.time.LocalDateTime}</td></tr>
 *   <tr><td>struct</td><td>{@code Map<String, Object>}, field name to value, in field order</td></tr>
 *   <tr><td>array</td><td>{@code List<Object>}</td></tr>
 *   <tr><td>map</td><td>{@code Map<Object, Object>} in the stored entry order</td></tr>
 * </table>
 *
 * <p>Lists and maps use {@code equals} of their elements, so {@code NaN} equals {@code NaN} (boxed
 * {@code equals}) and map and struct equality ignore entry order. All collections are unmodifiable and
 * may hold nulls.
 */
public final class CanonicalRows {
  /** Orders canonical values: nulls first, then by natural order; lists and maps element by element. */
  public static final Comparator<Object> VALUE_ORDER = CanonicalRows::compareValues;

  /** Orders canonical rows column by column with {@link #VALUE_ORDER}. */
  public static final Comparator<List<Object>> ROW_ORDER = CanonicalRows::compareLists;

  private CanonicalRows() {}

  /** A sorted copy of {@code rows} in {@link #ROW_ORDER}, for order-insensitive comparison. */
  public static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(ROW_ORDER);
    return Collections.unmodifiableList(copy);
  }

  /** A canonical row (nulls allowed). */
  public static List<Object> row(Object... values) {
    return Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  /** A canonical array value (nulls allowed). */
  public static List<Object> array(Object... values) {
    return row(values);
  }

  /** A canonical struct value from alternating field names and values (nulls allowed as values). */
  public static Map<String, Object> struct(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Invalid struct: expected name/value pairs, got " + namesAndValues.length + " arguments");
    }

    Map<String, Object> struct = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      struct.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }

    return Collections.unmodifiableMap(struct);
  }

  /** A canonical map value from alternating keys and values (nulls allowed as values). */
  public static Map<Object, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Invalid map: expected key/value pairs, got " + keysAndValues.length + " arguments");
    }

    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }

    return Collections.unmodifiableMap(map);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object left, Object right) {
    if (left == right) {
      return 0;
    }

    if (left == null) {
      return -1;
    }

    if (right == null) {
      return 1;
    }

    if (left instanceof List<?> l && right instanceof List<?> r) {
      return compareLists((List<Object>) l, (List<Object>) r);
    }

    if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
      return compareMaps(l, r);
    }

    if (left.getClass() == right.getClass() && left instanceof Comparable c) {
      return c.compareTo(right);
    }

    // Mixed types only happen in malformed rows; keep the order total and deterministic anyway.
    int byType = left.getClass().getName().compareTo(right.getClass().getName());
    return byType != 0 ? byType : String.valueOf(left).compareTo(String.valueOf(right));
  }

  private static int compareLists(List<Object> left, List<Object> right) {
    Iterator<Object> l = left.iterator();
    Iterator<Object> r = right.iterator();
    while (l.hasNext() && r.hasNext()) {
      int c = compareValues(l.next(), r.next());
      if (c != 0) {
        return c;
      }
    }

    return Boolean.compare(l.hasNext(), r.hasNext());
  }

  /** Maps compare as their entry lists sorted by key, so entry order does not matter. */
  private static int compareMaps(Map<?, ?> left, Map<?, ?> right) {
    return compareLists(sortedEntries(left), sortedEntries(right));
  }

  private static List<Object> sortedEntries(Map<?, ?> map) {
    List<Object> keys = new ArrayList<>(map.keySet());
    keys.sort(VALUE_ORDER);
    List<Object> entries = new ArrayList<>(keys.size());
    for (Object key : keys) {
      entries.add(Arrays.asList(key, map.get(key)));
    }

    return entries;
  }
}
