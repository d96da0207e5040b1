package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Row filtering follows SQL's three-valued logic: a row matches only when the filter is TRUE. */
class TestNullSemantics {

  static final StructType SCHEMA =
      StructType.builder()
          .addRequired("id", PrimitiveType.INT)
          .add("x", PrimitiveType.INT)
          .add("s", PrimitiveType.STRING)
          .add("p", PrimitiveType.STRING)
          .build();

  @TempDir static Path dir;
  static DeltaLake lake;
  static DeltaTable table;

  @BeforeAll
  static void createTable() {
    lake = DeltaLake.local();
    String path = dir.resolve("nulls").toString();
    lake.create(path).schema(SCHEMA).partitionBy("p").rows(List.of(
        Row.of(SCHEMA, 1, 5, "a", "k"),
        Row.of(SCHEMA, 2, 6, null, "k"),
        Row.of(SCHEMA, 3, null, "b", null),
        Row.of(SCHEMA, 4, null, null, "m"))).commit();
    table = lake.table(path);
  }

  @AfterAll
  static void close() {
    lake.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "x = 5                       | 1",
      "x != 5                      | 2",
      "NOT (x = 5)                 | 2",
      "x <> 5 OR x IS NULL         | 2 3 4",
      "x IN (5, NULL)              | 1",
      "NOT (x IN (5, NULL))        | ''",
      "NOT (x IN (5, 7))           | 2",
      "x = NULL                    | ''",
      "NOT (x = NULL)              | ''",
      "x > 5 OR s = 'b'            | 2 3",
      "NOT (x > 5 OR s = 'b')      | 1",
      "NOT (x > 5 AND s = 'a')     | 1 3",
      "s LIKE 'a%'                 | 1",
      "NOT (s LIKE 'a%')           | 3",
      "p = 'k'                     | 1 2",
      "p != 'k'                    | 4",
      "NOT (p = 'k') OR p IS NULL  | 3 4",
      "x BETWEEN 5 AND 6           | 1 2",
      "NOT (x BETWEEN 5 AND 5)     | 2",
  })
  void nullNeverMatches(String filter, String expectedIds) {
    List<Integer> ids = table.scan().where(filter).select("id").toList().stream().map(r -> r.getInt("id")).sorted().toList();
    List<Integer> expected = expectedIds.isBlank() ? List.of()
        : java.util.Arrays.stream(expectedIds.trim().split(" ")).map(Integer::valueOf).toList();
    assertThat(ids).isEqualTo(expected);
    assertThat(table.scan().where(filter).count()).isEqualTo(expected.size());
  }
}
