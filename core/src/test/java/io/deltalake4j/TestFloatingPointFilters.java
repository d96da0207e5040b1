package io.deltalake4j;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Float and double filters compare as Spark SQL compares: -0.0 equals 0.0, NaN equals NaN and is
 * above every number, and a float column is compared with a decimal literal as a double (0.1f is
 * above 0.1), not with the literal rounded to a float. Each row sits in its own file, so the same
 * answers must come from statistics skipping and from the row filter.
 */
class TestFloatingPointFilters {

  static final StructType SCHEMA =
      StructType.builder()
          .addRequired("id", PrimitiveType.INT)
          .add("d", PrimitiveType.DOUBLE)
          .add("f", PrimitiveType.FLOAT)
          .build();

  @TempDir static Path dir;
  static DeltaLake lake;
  static DeltaTable table;

  @BeforeAll
  static void createTable() {
    lake = DeltaLake.local();
    String path = dir.resolve("floats").toString();
    lake.create(path).schema(SCHEMA).commit();
    Object[][] rows = {
        {1, -0.0d, -0.0f},
        {2, 0.0d, 0.0f},
        {3, 0.1d, 0.1f},
        {4, Double.NaN, Float.NaN},
        {5, -1.5d, -1.5f},
        {6, Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY},
        {7, null, null},
        {8, (double) 0.1f, 0.2f},
    };
    for (Object[] r : rows) {
      lake.table(path).append().rows(List.of(Row.of(SCHEMA, r))).commit();
    }
    table = lake.table(path);
  }

  @AfterAll
  static void close() {
    lake.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "d = 0                 | 1 2",
      "d = -0.0              | 1 2",
      "d != 0                | 3 4 5 6 8",
      "d < 0                 | 5",
      "d <= 0                | 1 2 5",
      "d > 0                 | 3 4 6 8",
      "d >= 0                | 1 2 3 4 6 8",
      "d IN (0, 7)           | 1 2",
      "NOT (d IN (0))        | 3 4 5 6 8",
      "d = 0.1               | 3",
      "d > 0.1               | 4 6 8",
      "d = 'NaN'             | 4",
      "d > 1000              | 4 6",
      "f = 0                 | 1 2",
      "f > 0.1               | 3 4 6 8",
      "f >= 0.1              | 3 4 6 8",
      "f < 0.1               | 1 2 5",
      "f <= 0.1              | 1 2 5",
      "f = 0.1               | ''",
      "f != 0.1              | 1 2 3 4 5 6 8",
      "f IN (0.1, 0.2)       | ''",
      "f IN (0.1, 0.5, 0)    | 1 2",
      "f = 0.5               | ''",
      "f < -1                | 5",
      "f > 1e300             | 4 6",
  })
  void matchesSparkSemantics(String filter, String expectedIds) {
    assertThat(ids(Filter.parse(filter))).isEqualTo(expected(expectedIds));
    assertThat(table.scan().where(filter).count()).isEqualTo(expected(expectedIds).size());
  }

  @Test
  void javaFloatAndDoubleLiteralsCompareAsJavaDoes() {
    assertThat(ids(col("f").gt(0.1))).containsExactly(3, 4, 6, 8);
    assertThat(ids(col("f").eq(0.1f))).containsExactly(3);
    assertThat(ids(col("f").eq(0.2f))).containsExactly(8);
    assertThat(ids(col("d").eq((double) 0.1f))).containsExactly(8);
    assertThat(ids(col("d").eq(-0.0))).containsExactly(1, 2);
  }

  private static List<Integer> ids(Filter filter) {
    return table.scan().where(filter).select("id").toList().stream().map(r -> r.getInt("id")).sorted().toList();
  }

  private static List<Integer> expected(String ids) {
    return ids.isBlank() ? List.of() : Arrays.stream(ids.trim().split(" ")).map(Integer::valueOf).toList();
  }
}
