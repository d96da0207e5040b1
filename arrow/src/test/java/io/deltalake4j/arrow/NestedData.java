package io.deltalake4j.arrow;

import io.deltalake4j.Row;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Rows of lists, maps and structs nested in each other, drawn from a seeded generator: nulls and
 * empty containers at every level, so every combination of repetition and definition levels
 * occurs.
 */
final class NestedData {
  private NestedData() {}

  static final StructType POINT = StructType.builder()
      .add("a", PrimitiveType.INT)
      .add("b", ArrayType.of(PrimitiveType.LONG))
      .add("at", PrimitiveType.TIMESTAMP)
      .build();

  static final StructType INNER = StructType.builder()
      .add("y", MapType.of(PrimitiveType.INT, PrimitiveType.STRING))
      .add("z", PrimitiveType.DOUBLE)
      .build();

  static final StructType OUTER = StructType.builder()
      .add("x", PrimitiveType.INT)
      .add("tags", ArrayType.of(PrimitiveType.STRING))
      .add("inner", INNER)
      .build();

  static final StructType SCHEMA = StructType.builder()
      .addRequired("id", PrimitiveType.LONG)
      .add("ints", ArrayType.of(PrimitiveType.INT))
      .add("required_ints", new ArrayType(PrimitiveType.INT, false))
      .add("nested", ArrayType.of(ArrayType.of(PrimitiveType.STRING)))
      .add("points", MapType.of(PrimitiveType.STRING, POINT))
      .add("outer", OUTER)
      .add("list_of_maps", ArrayType.of(MapType.of(PrimitiveType.STRING, PrimitiveType.INT)))
      .add("structs", ArrayType.of(StructType.builder().add("p", PrimitiveType.BOOLEAN).add("q", PrimitiveType.STRING)
          .add("t", PrimitiveType.TIMESTAMP).build()))
      .add("times", ArrayType.of(PrimitiveType.TIMESTAMP))
      .add("stamps", MapType.of(PrimitiveType.STRING, PrimitiveType.TIMESTAMP))
      .build();

  static List<Row> rows(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(Row.of(SCHEMA, (long) i,
          maybe(random, () -> list(random, () -> maybe(random, random::nextInt))),
          maybe(random, () -> list(random, random::nextInt)),
          maybe(random, () -> list(random, () -> maybe(random, () -> strings(random)))),
          maybe(random, () -> map(random, () -> "k" + random.nextInt(1000), () -> maybe(random, () -> point(random)))),
          maybe(random, () -> outer(random)),
          maybe(random, () -> list(random, () -> maybe(random, () -> counts(random)))),
          maybe(random, () -> list(random, () -> maybe(random, () -> element(random)))),
          maybe(random, () -> list(random, () -> maybe(random, () -> instant(random)))),
          maybe(random, () -> map(random, () -> "e" + random.nextInt(100), () -> maybe(random, () -> instant(random))))));
    }
    return rows;
  }

  private static List<String> strings(Random random) {
    return list(random, () -> maybe(random, () -> "s" + random.nextInt(50)));
  }

  private static Row point(Random random) {
    return Row.of(POINT, maybe(random, random::nextInt), maybe(random, () -> list(random, () -> maybe(random, random::nextLong))),
        maybe(random, () -> instant(random)));
  }

  private static Row outer(Random random) {
    Row inner = maybe(random, () -> Row.of(INNER,
        maybe(random, () -> map(random, random::nextInt, () -> maybe(random, () -> "v" + random.nextInt(5)))),
        maybe(random, random::nextDouble)));
    return Row.of(OUTER, maybe(random, random::nextInt),
        maybe(random, () -> list(random, () -> maybe(random, () -> "t" + random.nextInt(9)))), inner);
  }

  private static Map<String, Integer> counts(Random random) {
    return map(random, () -> "m" + random.nextInt(1000), () -> maybe(random, random::nextInt));
  }

  private static Row element(Random random) {
    StructType type = (StructType) ((ArrayType) SCHEMA.field(7).type()).elementType();
    return Row.of(type, maybe(random, random::nextBoolean), maybe(random, () -> "q" + random.nextInt(3)),
        maybe(random, () -> instant(random)));
  }

  /** A microsecond instant within about 30 years of 1970, on either side. */
  private static java.time.Instant instant(Random random) {
    long micros = (random.nextLong() % 1_000_000_000_000_000L);
    return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Null about one time in six. */
  private static <T> T maybe(Random random, Supplier<T> value) {
    return random.nextInt(6) == 0 ? null : value.get();
  }

  /** Up to four elements; empty one time in five. */
  private static <T> List<T> list(Random random, Supplier<T> element) {
    int size = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  private static <K, V> Map<K, V> map(Random random, Supplier<K> key, Supplier<V> value) {
    Map<K, V> out = new LinkedHashMap<>();
    int size = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      out.put(key.get(), value.get());
    }
    return out;
  }
}
