package io.deltalake4j.cli;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of every Delta type (variant aside) for the CLI's output formats: the shared schema, with
 * values chosen for escaping and number formatting (quotes, control characters, infinities).
 */
final class AllTypes {
  private AllTypes() {}

  static final StructType ADDRESS = io.deltalake4j.testing.AllTypes.ADDRESS;

  /** The shared every-type schema without its partition column. */
  static final StructType SCHEMA = io.deltalake4j.testing.AllTypes.SCHEMA.select(
      io.deltalake4j.testing.AllTypes.SCHEMA.fieldNames().stream().filter(n -> !n.equals("part")).toList());

  /** The text of row 1's string: a quote, a backslash, control characters, a line separator, non-ASCII. */
  static final String TRICKY = "q\"b\\n\nt\t\u0001ls\u2028é✓😀, end";

  static List<Row> rows() {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("math", 9.5);
    scores.put("art", null);
    scores.put("inf", Double.POSITIVE_INFINITY);
    Map<Integer, List<Row>> byId = new LinkedHashMap<>();
    byId.put(7, Arrays.asList(Row.of(ADDRESS, "Paris", 75001), null, Row.of(ADDRESS, null, null)));
    return List.of(
        Row.of(SCHEMA, 1, true, (byte) -128, (short) 32767, Long.MAX_VALUE, 1.5f, Double.NaN,
            new BigDecimal("12.30"), new BigDecimal("12345678901234567890.123456789012345678"),
            TRICKY, new byte[] {0, 1, (byte) 255}, LocalDate.of(1969, 12, 31),
            Instant.parse("2024-02-29T23:59:59.123456Z"), LocalDateTime.parse("2024-01-01T00:00:00.000001"),
            Row.of(ADDRESS, "Berlin", 10115), Arrays.asList("a", null, ""), scores, byId),
        Row.of(SCHEMA, 2, false, (byte) 0, (short) -1, -1L, Float.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
            new BigDecimal("-0.5"), BigDecimal.ZERO, "", new byte[0], LocalDate.of(2024, 2, 29),
            Instant.EPOCH, LocalDateTime.parse("1900-01-01T12:00:00"),
            Row.of(ADDRESS, null, null), List.of(), Map.of(), Map.of()),
        Row.of(SCHEMA, 3, null, null, null, Long.MIN_VALUE, 0.1f, 1e-7, null, null, "plain", null, null,
            Instant.parse("1969-12-31T23:59:59.999999Z"), null, null, null, null, null),
        Row.of(SCHEMA, 4, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null));
  }
}
