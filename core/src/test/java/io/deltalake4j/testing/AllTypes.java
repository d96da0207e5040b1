package io.deltalake4j.testing;

import io.deltalake4j.Row;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table of every Delta type, with nulls at every level and edge values, partitioned by {@code part}. */
public final class AllTypes {
  private AllTypes() {}

  public static final StructType ADDRESS =
      StructType.builder().add("city", PrimitiveType.STRING).add("zip", PrimitiveType.INT).build();

  public static final StructType SCHEMA =
      StructType.builder()
          .addRequired("id", PrimitiveType.INT)
          .add("b", PrimitiveType.BOOLEAN)
          .add("i8", PrimitiveType.BYTE)
          .add("i16", PrimitiveType.SHORT)
          .add("i64", PrimitiveType.LONG)
          .add("f32", PrimitiveType.FLOAT)
          .add("f64", PrimitiveType.DOUBLE)
          .add("dec", Types.decimal(5, 2))
          .add("big_dec", Types.decimal(38, 18))
          .add("s", PrimitiveType.STRING)
          .add("bin", PrimitiveType.BINARY)
          .add("d", PrimitiveType.DATE)
          .add("ts", PrimitiveType.TIMESTAMP)
          .add("ts_ntz", PrimitiveType.TIMESTAMP_NTZ)
          .add("address", ADDRESS)
          .add("tags", ArrayType.of(PrimitiveType.STRING))
          .add("scores", MapType.of(PrimitiveType.STRING, PrimitiveType.DOUBLE))
          .add("by_id", MapType.of(PrimitiveType.INT, ArrayType.of(ADDRESS)))
          .add("part", PrimitiveType.STRING)
          .build();

  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("math", 9.5);
    scores.put("art", null);
    Map<Integer, List<Row>> byId = new LinkedHashMap<>();
    byId.put(7, Arrays.asList(Row.of(ADDRESS, "Paris", 75001), null, Row.of(ADDRESS, null, null)));
    rows.add(Row.of(SCHEMA, 1, true, (byte) -128, (short) 32767, Long.MAX_VALUE, 1.5f, Double.NaN,
        new BigDecimal("-999.99"), new BigDecimal("12345678901234567890.123456789012345678"),
        "héllo wörld ✓", new byte[] {0, 1, (byte) 255}, LocalDate.of(1969, 12, 31),
        Instant.parse("2024-02-29T23:59:59.123456Z"), LocalDateTime.parse("2024-01-01T00:00:00.000001"),
        Row.of(ADDRESS, "Berlin", 10115), Arrays.asList("a", null, ""), scores, byId, "p1"));
    rows.add(Row.of(SCHEMA, 2, false, (byte) 0, (short) -1, -1L, Float.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        new BigDecimal("0.00"), BigDecimal.ZERO.setScale(18), "", new byte[0], LocalDate.of(2024, 2, 29),
        Instant.EPOCH, LocalDateTime.parse("1900-01-01T12:00:00"),
        Row.of(ADDRESS, null, null), List.of(), Map.of(), Map.of(), "p1"));
    rows.add(Row.of(SCHEMA, 3, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, "p2"));
    rows.add(Row.of(SCHEMA, 4, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null));
    return rows;
  }
}
