package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.filter.Filter;
import io.deltalake4j.testing.AllTypes;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Delta type, with nulls at every level, written and read back unchanged. */
@ExtendWith(Storages.class)
class TestAllTypes {

  static final StructType ADDRESS = AllTypes.ADDRESS;
  static final StructType SCHEMA = AllTypes.SCHEMA;

  static List<Row> rows() {
    return AllTypes.rows();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void everyTypeRoundTripsWithNullsAtEveryLevel(StorageUnderTest storage) {
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("types");
      lake.create(path).schema(SCHEMA).partitionBy("part").rows(rows()).commit();
      DeltaTable table = lake.table(path);

      assertThat(table.schema()).isEqualTo(SCHEMA);
      List<Row> read = new ArrayList<>(table.scan().toList());
      read.sort((a, b) -> Integer.compare(a.getInt("id"), b.getInt("id")));
      assertThat(read).isEqualTo(rows());
      assertThat(read.get(0).getMap("by_id")).isEqualTo(rows().get(0).getMap("by_id"));
      assertThat(read.get(0).getBinary("bin")).containsExactly(0, 1, 255);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void filtersWorkOnEveryPrimitiveType(StorageUnderTest storage) {
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("types");
      lake.create(path).schema(SCHEMA).partitionBy("part").rows(rows()).commit();
      DeltaTable table = lake.table(path);

      for (String sql : List.of(
          "b = TRUE", "i8 = -128", "i16 = 32767", "i64 = 9223372036854775807", "f32 = 1.5",
          "dec = -999.99", "big_dec > 1000", "s = 'héllo wörld ✓'", "d = DATE '1969-12-31'",
          "ts = TIMESTAMP '2024-02-29 23:59:59.123456'", "ts_ntz = TIMESTAMP '2024-01-01 00:00:00.000001'",
          "address.city = 'Berlin'", "s LIKE 'hé%'")) {
        assertThat(table.scan().where(sql).select("id").toList()).as(sql)
            .extracting(r -> r.getInt("id")).containsExactly(1);
      }
      assertThat(table.scan().where("part IS NULL").select("id").toList()).extracting(r -> r.getInt("id")).containsExactly(4);
      assertThat(table.scan().where(Filter.col("address").isNull()).select("id").toList())
          .extracting(r -> r.getInt("id")).containsExactlyInAnyOrder(3, 4);
    }
  }

  @Test
  void binaryValuesAreCopiesSoRowsStayImmutable() {
    Row row = rows().get(0);
    ((byte[]) row.get("bin"))[0] = 42;
    row.getBinary("bin")[1] = 42;

    assertThat(row.getBinary("bin")).containsExactly(0, 1, 255);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aSchemaCopiedFromAnotherTableLeavesItsPhysicalLayoutBehind(StorageUnderTest storage) {
    StructType copied = StructType.of(
        new StructField("id", PrimitiveType.INT, true, Map.of(
            "delta.columnMapping.id", "7", "delta.columnMapping.physicalName", "col-1234", "comment", "the key")),
        new StructField("v", PrimitiveType.STRING, true, Map.of("delta.identity.start", "1")));
    try (DeltaLake lake = DeltaLake.local()) {
      String path = storage.newTablePath("copied-schema");
      lake.create(path).schema(copied).rows(List.of(Row.of(copied, 1, "a"))).commit();

      DeltaTable table = lake.table(path);
      assertThat(table.schema().field(0).metadata()).isEqualTo(Map.of("comment", "the key"));
      assertThat(table.schema().field(1).metadata()).isEmpty();
      assertThat(table.scan().toList()).extracting(r -> r.getString("v")).containsExactly("a");
    }
  }
}
