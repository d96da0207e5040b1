package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** write(path).mode(...): what each mode does with and without a table there, as write_deltalake. */
@ExtendWith({Storages.class, LocalLake.class})
class TestWriteModes {

  private static Write write(DeltaLake lake, String path, WriteMode mode, long first, int n) {
    return lake.write(path).mode(mode).schema(SalesData.SCHEMA).partitionBy("region")
        .rows(SalesData.rows(first, n, first));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void everyModeCreatesAMissingTable(StorageUnderTest storage, DeltaLake lake) {
    for (WriteMode mode : WriteMode.values()) {
      String path = storage.newTablePath("created-" + mode);

      CommitResult r = write(lake, path, mode, 1, 100).commit();

      assertThat(r.version()).isZero();
      assertThat(r.outcome()).isEqualTo(CommitResult.Outcome.COMMITTED);
      assertThat(r.operation()).isEqualTo("CREATE TABLE");
      assertThat(lake.table(path).partitionColumns()).containsExactly("region");
      assertThat(lake.table(path).scan().count()).isEqualTo(100);
    }
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void errorModeRefusesAnExistingTableAndWritesNothing(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("error");
    write(lake, path, WriteMode.APPEND, 1, 10).commit();
    int files = TestReadWrite.parquetFiles(path).size();

    assertThatThrownBy(() -> write(lake, path, WriteMode.ERROR, 11, 10).commit())
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining(lake.table(path).location())
        .hasMessageContaining("mode APPEND or OVERWRITE");
    assertThat(lake.table(path).version()).isZero();
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(files);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void appendAddsRowsAndOverwriteReplacesThemKeepingTheSchema(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("append-overwrite");
    write(lake, path, WriteMode.APPEND, 1, 100).commit();
    CommitResult appended = write(lake, path, WriteMode.APPEND, 101, 50).commit();
    CommitResult overwritten = write(lake, path, WriteMode.OVERWRITE, 1_001, 30).commit();

    DeltaTable t = lake.table(path);
    assertThat(appended.version()).isEqualTo(1);
    assertThat(appended.operation()).isEqualTo("WRITE");
    assertThat(t.asOfVersion(1).scan().count()).isEqualTo(150);
    assertThat(overwritten.version()).isEqualTo(2);
    assertThat(overwritten.filesRemoved()).isEqualTo(t.asOfVersion(1).detail().numFiles());
    assertThat(t.scan().count()).isEqualTo(30);
    assertThat(t.scan().select("transaction_id").toList())
        .allSatisfy(r -> assertThat(r.getLong(0)).isBetween(1_001L, 1_030L));
    assertThat(t.schema()).isEqualTo(SalesData.SCHEMA);
    assertThat(t.detail().numFiles()).isEqualTo(overwritten.filesAdded());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void ignoreLeavesAnExistingTableAsItIs(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("ignore");
    write(lake, path, WriteMode.APPEND, 1, 10).commit();
    int files = TestReadWrite.parquetFiles(path).size();

    CommitResult r = write(lake, path, WriteMode.IGNORE, 11, 10).commit();

    assertThat(r.outcome()).isEqualTo(CommitResult.Outcome.SKIPPED_TABLE_EXISTS);
    assertThat(r.committed()).isFalse();
    assertThat(r.version()).isZero();
    assertThat(r.filesAdded()).isZero();
    assertThat(lake.table(path).version()).isZero();
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(files);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwriteOfAnEmptySelectionStillCommitsTheNewRows(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("overwrite-empty");
    lake.create(path).schema(SalesData.SCHEMA).commit();

    CommitResult r = lake.table(path).overwrite().rows(SalesData.rows(5)).commit();

    assertThat(r.filesRemoved()).isZero();
    assertThat(lake.table(path).scan().count()).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aWriteThatDoesNotFitTheTableIsRefusedBeforeWriting(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("mismatch");
    write(lake, path, WriteMode.APPEND, 1, 10).commit();
    int files = TestReadWrite.parquetFiles(path).size();

    assertThatThrownBy(() -> lake.write(path).mode(WriteMode.APPEND).partitionBy("year").rows(SalesData.rows(3)).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("partitioned by [region], not [year]");
    assertThatThrownBy(() -> lake.write(path).mode(WriteMode.APPEND)
            .schema(io.deltalake4j.types.StructType.builder().add("transaction_id", io.deltalake4j.types.PrimitiveType.LONG).build())
            .maps(List.of(java.util.Map.of("transaction_id", 1L))).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("differs from the table's")
        .hasMessageContaining("mergeSchema");
    assertThatThrownBy(() -> lake.write(storage.newTablePath("no-schema")).mode(WriteMode.APPEND).rows(SalesData.rows(1)).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("no Delta table exists there")
        .hasMessageContaining("schema(...)");
    assertThat(lake.table(path).version()).isZero();
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(files);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aBuilderCommitsOnceAndTakesEachOptionOnce(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("once");
    Write w = write(lake, path, WriteMode.APPEND, 1, 1);
    w.commit();

    assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("already called");
    assertThatThrownBy(() -> lake.write(path).mode(WriteMode.APPEND).mode(WriteMode.OVERWRITE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already APPEND");
    assertThatThrownBy(() -> lake.table(path).append().userMetadata("a").userMetadata("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("userMetadata is already set to a");
    assertThatThrownBy(() -> lake.write(path).mode(WriteMode.APPEND).where("region = 'us-east'").commit())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs mode OVERWRITE");
  }
}
