package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mergeSchema adds nullable columns; overwriteSchema replaces schema and partitioning; nothing else changes types. */
@ExtendWith({Storages.class, LocalLake.class})
class TestSchemaEvolution {

  static final StructType V1 = StructType.builder()
      .add("id", PrimitiveType.LONG).add("name", PrimitiveType.STRING).add("part", PrimitiveType.STRING).build();

  static final StructType V2 = StructType.builder()
      .add("part", PrimitiveType.STRING).add("score", PrimitiveType.DOUBLE).add("id", PrimitiveType.LONG)
      .add("name", PrimitiveType.STRING).add("tags", io.deltalake4j.types.ArrayType.of(PrimitiveType.STRING)).build();

  private static String table(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("evolving");
    lake.create(path).schema(V1).partitionBy("part").property("owner", "x")
        .rows(List.of(Row.of(V1, 1L, "a", "p1"), Row.of(V1, 2L, "b", "p2"))).commit();
    return path;
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void mergeSchemaAddsTheRowsNewColumnsAfterTheTablesOwn(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    String id = lake.table(path).detail().id();

    lake.table(path).append().mergeSchema(V2).maps(List.of(
        Map.of("id", 3L, "name", "c", "part", "p1", "score", 1.5, "tags", List.of("t")))).commit();

    DeltaTable t = lake.table(path);
    assertThat(t.schema().fieldNames()).containsExactly("id", "name", "part", "score", "tags");
    assertThat(t.detail().id()).isEqualTo(id);
    assertThat(t.properties()).containsEntry("owner", "x");
    assertThat(t.partitionColumns()).containsExactly("part");
    assertThat(t.scan().where("id = 1").toList().get(0).isNull("score")).isTrue();
    assertThat(t.scan().where("score > 1").select("id", "tags").toList().get(0).getList("tags")).containsExactly("t");
    assertThat(t.asOfVersion(0).schema()).isEqualTo(V1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void mergeSchemaRefusesTypeChangesMissingColumnsAndRequiredNewColumns(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    StructType retyped = StructType.builder().add("id", PrimitiveType.INT).add("name", PrimitiveType.STRING)
        .add("part", PrimitiveType.STRING).build();
    StructType missing = StructType.builder().add("id", PrimitiveType.LONG).add("part", PrimitiveType.STRING).build();
    StructType required = StructType.builder().add("id", PrimitiveType.LONG).add("name", PrimitiveType.STRING)
        .add("part", PrimitiveType.STRING).addRequired("must", PrimitiveType.INT).build();

    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(retyped).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("column 'id' is int in the rows but bigint");
    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(missing).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("no column 'name'");
    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(required).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'must' is NOT NULL");
    assertThat(lake.table(path).version()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aSchemaGivenToMergeSchemaCannotLoosenTheTablesNotNullColumns(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("merge-not-null");
    StructType table = StructType.builder().addRequired("id", PrimitiveType.LONG).build();
    StructType loose = StructType.builder().add("id", PrimitiveType.LONG).add("note", PrimitiveType.STRING).build();
    lake.create(path).schema(table).rows(List.of(Row.of(table, 1L))).commit();

    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(loose).rows(List.of(Row.of(loose, null, "x"))).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("NOT NULL");
    assertThat(lake.table(path).version()).isZero();
    assertThat(lake.table(path).schema()).isEqualTo(table);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwriteSchemaReplacesSchemaPartitioningAndDataKeepingTheTable(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    String id = lake.table(path).detail().id();
    StructType next = StructType.builder().add("key", PrimitiveType.STRING).add("value", PrimitiveType.INT)
        .add("day", PrimitiveType.DATE).build();

    CommitResult r = lake.table(path).overwrite().overwriteSchema(next, "day")
        .rows(List.of(Row.of(next, "k", 1, java.time.LocalDate.of(2024, 1, 1)))).commit();

    DeltaTable t = lake.table(path);
    assertThat(r.filesRemoved()).isEqualTo(2);
    assertThat(t.schema()).isEqualTo(next);
    assertThat(t.partitionColumns()).containsExactly("day");
    assertThat(t.detail().id()).isEqualTo(id);
    assertThat(t.properties()).containsEntry("owner", "x");
    assertThat(t.scan().toList()).extracting(row -> row.getString("key")).containsExactly("k");
    assertThat(t.asOfVersion(0).scan().count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aWriteModeWriteCanMergeTheSchemaOfItsRows(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);

    lake.write(path).mode(WriteMode.OVERWRITE).schema(V2).mergeSchema().where("part = 'p1'")
        .maps(List.of(Map.of("id", 9L, "part", "p1", "score", 2.0))).commit();

    DeltaTable t = lake.table(path);
    assertThat(t.schema().fieldNames()).containsExactly("id", "name", "part", "score", "tags");
    assertThat(t.scan().toList()).extracting(row -> row.getLong("id")).containsExactlyInAnyOrder(2L, 9L);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void mergeSchemaKeepsTheMetadataOfExistingColumns(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("metadata");
    StructType commented = StructType.of(
        new io.deltalake4j.types.StructField("id", PrimitiveType.LONG, true, Map.of("comment", "the key")),
        io.deltalake4j.types.StructField.of("part", PrimitiveType.STRING));
    lake.create(path).schema(commented).commit();
    StructType wider = StructType.builder().add("id", PrimitiveType.LONG).add("part", PrimitiveType.STRING)
        .add("extra", PrimitiveType.INT).build();

    lake.table(path).append().mergeSchema(wider).rows(List.of(Row.of(wider, 1L, "p", 7))).commit();

    DeltaTable t = lake.table(path);
    assertThat(t.schema().field(0).metadata()).containsEntry("comment", "the key");
    assertThat(t.schema().fieldNames()).containsExactly("id", "part", "extra");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void schemaChangesOfColumnMappedTablesAreRefused(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("mapped");
    lake.create(path).schema(V1).property("delta.columnMapping.mode", "name").commit();

    assertThatThrownBy(() -> lake.table(path).append().mergeSchema(V2).rows(List.of()).commit())
        .isInstanceOf(io.deltalake4j.exceptions.UnsupportedFeatureException.class)
        .hasMessageContaining("column mapping (mode 'name')");
    assertThatThrownBy(() -> lake.table(path).overwrite().overwriteSchema(V2).rows(List.of()).commit())
        .isInstanceOf(io.deltalake4j.exceptions.UnsupportedFeatureException.class)
        .hasMessageContaining("column mapping");
    assertThat(lake.table(path).version()).isZero();
    assertThat(lake.table(path).schema().sql()).isEqualTo(V1.sql());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwriteSchemaRefusesColumnsTheTableCannotHold(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    StructType ntz = StructType.builder().add("k", PrimitiveType.STRING).add("at", PrimitiveType.TIMESTAMP_NTZ).build();
    StructType spaced = StructType.builder().add("a b", PrimitiveType.STRING).build();
    StructType cased = StructType.builder().add("a", PrimitiveType.STRING).add("A", PrimitiveType.INT).build();

    assertThatThrownBy(() -> lake.table(path).overwrite().overwriteSchema(ntz).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Cannot overwrite the schema of table")
        .hasMessageContaining("timestamp_ntz, which needs a table feature");
    assertThatThrownBy(() -> lake.table(path).overwrite().overwriteSchema(spaced).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("column 'a b' has a character");
    assertThatThrownBy(() -> lake.table(path).overwrite().overwriteSchema(cased).rows(List.of()).commit())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'A' differs from another one only in case");
    assertThat(lake.table(path).version()).isZero();
  }
}
