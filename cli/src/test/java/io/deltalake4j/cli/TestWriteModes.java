package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaTable;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code write --mode}, {@code --where}, {@code --txn}, {@code --merge-schema} on existing tables, local and HDFS. */
@ExtendWith(Storages.class)
class TestWriteModes {

  @TempDir Path dir;

  static final StructType SALES = StructType.builder()
      .add("id", PrimitiveType.LONG).add("region", PrimitiveType.STRING).add("amount", PrimitiveType.DOUBLE).build();

  /** A table partitioned by region with rows 1 (eu), 2 (us) at version 0. */
  private String table(StorageUnderTest storage) {
    String table = storage.newTablePath("sales");
    String input = WriteInputs.lines(dir, "jsonl",
        "{\"id\": 1, \"region\": \"eu\", \"amount\": 1.5}",
        "{\"id\": 2, \"region\": \"us\", \"amount\": 2.5}");
    CliRun run = CliRun.of("write", table, "--input", input, "--create-schema", SALES.toJson(), "--partition-by", "region");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return table;
  }

  private String more(String... lines) {
    return WriteInputs.lines(dir, "jsonl", lines);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void appendAddsTheRowsWithTheTablesSchema(StorageUnderTest storage) {
    String table = table(storage);

    CliRun run = CliRun.of("write", table, "--input", more("{\"id\": 3, \"region\": \"eu\"}"), "--mode", "append",
        "--user-metadata", "late eu row");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).contains("version        1", "operation      WRITE", "rows written   1");
    assertThat(WriteInputs.rows(table)).containsExactly(
        "{id=1, region=eu, amount=1.5}", "{id=2, region=us, amount=2.5}", "{id=3, region=eu, amount=null}");
    assertThat(Tables.LAKE.table(table).history(1).get(0).userMetadata()).contains("late eu row");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwriteReplacesEverythingAndWithWhereOnlyWhatItCovers(StorageUnderTest storage) {
    String table = table(storage);

    CliRun eu = CliRun.of("write", table, "--input", more("{\"id\": 10, \"region\": \"eu\", \"amount\": 9}"),
        "--mode", "overwrite", "--where", "region = 'eu'");
    CliRun all = CliRun.of("write", table, "--input", more("{\"id\": 20, \"region\": \"us\", \"amount\": 1}"),
        "--mode", "OVERWRITE", "--format", "json");

    assertThat(eu.exitCode()).as(eu.err()).isZero();
    assertThat(eu.outLines()).contains("version        1", "files removed  1", "rows written   1");
    assertThat(Tables.LAKE.table(table).asOfVersion(1).scan().toList().stream().map(Object::toString).sorted())
        .containsExactly("{id=10, region=eu, amount=9.0}", "{id=2, region=us, amount=2.5}");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out()).startsWith("{\"version\":2,\"operation\":\"WRITE\",\"outcome\":\"COMMITTED\",\"filesAdded\":1,\"filesRemoved\":2,");
    assertThat(WriteInputs.rows(table)).containsExactly("{id=20, region=us, amount=1.0}");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwriteWithWhereRefusesRowsOutsideItAndCommitsNothing(StorageUnderTest storage) {
    String table = table(storage);

    CliRun run = CliRun.of("write", table, "--input", more("{\"id\": 10, \"region\": \"eu\"}", "{\"id\": 11, \"region\": \"us\"}"),
        "--mode", "overwrite", "--where", "region = 'eu'");

    TestErrors.assertFails(run, 1, "Cannot overwrite 'region = 'eu'' in table ", "{id=11, region=us, amount=null} is outside it",
        "Write only rows the predicate covers, or widen the predicate.");
    assertThat(Tables.LAKE.table(table).version()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void ignoreAndErrorModesLeaveAnExistingTableAsItIs(StorageUnderTest storage) {
    String table = table(storage);
    String input = more("{\"id\": 3, \"region\": \"eu\"}");

    CliRun ignore = CliRun.of("write", table, "--input", input, "--mode", "ignore");
    CliRun error = CliRun.of("write", table, "--input", input);

    assertThat(ignore.exitCode()).as(ignore.err()).isZero();
    assertThat(ignore.outLines()).contains("version        0", "outcome        SKIPPED_TABLE_EXISTS", "rows written   0");
    TestErrors.assertFails(error, 1, "Cannot create table at ", "a Delta table already exists there", "mode APPEND or OVERWRITE");
    assertThat(Tables.LAKE.table(table).version()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void theSameTransactionRunTwiceCommitsOnce(StorageUnderTest storage) {
    String table = table(storage);
    String input = more("{\"id\": 3, \"region\": \"eu\"}");

    CliRun first = CliRun.of("write", table, "--input", input, "--mode", "append", "--txn", "nightly:load:7");
    CliRun replay = CliRun.of("write", table, "--input", input, "--mode", "append", "--txn", "nightly:load:7");
    CliRun older = CliRun.of("write", table, "--input", input, "--mode", "append", "--txn", "nightly:load:6");

    assertThat(first.outLines()).contains("version        1", "outcome        COMMITTED");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.outLines()).contains("version        1", "outcome        SKIPPED_ALREADY_COMMITTED", "rows written   0");
    assertThat(older.outLines()).contains("outcome        SKIPPED_ALREADY_COMMITTED");
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.scan().count()).isEqualTo(3);
    assertThat(t.lastTransactionVersion("nightly:load")).hasValue(7L);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void mergeSchemaAddsTheInputsNewColumnsKeepingTheTablesTypes(StorageUnderTest storage) {
    String table = table(storage);
    String input = more("{\"id\": 3, \"region\": \"eu\", \"amount\": 4, \"discount\": 0.5, \"note\": \"x\"}");

    CliRun without = CliRun.of("write", table, "--input", input, "--mode", "append");
    CliRun merged = CliRun.of("write", table, "--input", input, "--mode", "append", "--infer-schema", "--merge-schema");

    TestErrors.assertFails(without, 1, "Cannot read line 1 of " + input + ": column 'discount' is not in the schema [id, region, amount]",
        "--infer-schema with --merge-schema adds new columns to a table");
    assertThat(merged.exitCode()).as(merged.err()).isZero();
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.schema()).isEqualTo(StructType.builder().add("id", PrimitiveType.LONG).add("region", PrimitiveType.STRING)
        .add("amount", PrimitiveType.DOUBLE).add("discount", PrimitiveType.DOUBLE).add("note", PrimitiveType.STRING).build());
    assertThat(WriteInputs.rows(table)).containsExactly("{id=1, region=eu, amount=1.5, discount=null, note=null}",
        "{id=2, region=us, amount=2.5, discount=null, note=null}", "{id=3, region=eu, amount=4.0, discount=0.5, note=x}");
  }

  @Test
  void overwriteSchemaReplacesColumnsAndPartitioning() {
    String table = table(io.deltalake4j.testing.Storages.local());

    CliRun run = CliRun.of("write", table, "--input", WriteInputs.lines(dir, "csv", "code,n", "a,1"), "--mode", "overwrite",
        "--infer-schema", "--overwrite-schema", "--partition-by", "code");

    assertThat(run.exitCode()).as(run.err()).isZero();
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.schema()).isEqualTo(StructType.builder().add("code", PrimitiveType.STRING).add("n", PrimitiveType.LONG).build());
    assertThat(t.partitionColumns()).containsExactly("code");
    assertThat(WriteInputs.rows(table)).containsExactly("{code=a, n=1}");
  }

  @Test
  void partitionByMustMatchAnExistingTable() {
    String table = table(io.deltalake4j.testing.Storages.local());

    CliRun run = CliRun.of("write", table, "--input", more("{\"id\": 3}"), "--mode", "append", "--partition-by", "id");

    TestErrors.assertFails(run, 1, "it is partitioned by [region], not [id]");
  }
}
