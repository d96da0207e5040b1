package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j write}: jsonl, csv and parquet inputs into new tables, on local disk and HDFS. */
@ExtendWith(Storages.class)
class TestWriteCommand {

  @TempDir Path dir;

  static final StructType ORDERS = StructType.builder()
      .addRequired("id", PrimitiveType.LONG)
      .add("product", PrimitiveType.STRING)
      .add("quantity", PrimitiveType.INT)
      .add("price", Types.decimal(10, 2))
      .add("sold", PrimitiveType.DATE)
      .add("at", PrimitiveType.TIMESTAMP)
      .add("tags", ArrayType.of(PrimitiveType.STRING))
      .build();

  static final String[] ORDER_LINES = {
    "{\"id\": 1, \"product\": \"tea\", \"quantity\": 2, \"price\": 3.5, \"sold\": \"2024-06-01\","
        + " \"at\": \"2024-06-01T10:00:00Z\", \"tags\": [\"hot\", null]}",
    "{\"id\": 2, \"product\": null, \"quantity\": -7, \"price\": \"12.25\", \"at\": \"2024-06-01 10:00:00.5\"}",
    "",
    "{\"id\": 3}"
  };

  static final List<Row> ORDER_ROWS = List.of(
      Row.of(ORDERS, 1L, "tea", 2, new BigDecimal("3.50"), LocalDate.of(2024, 6, 1),
          Instant.parse("2024-06-01T10:00:00Z"), java.util.Arrays.asList("hot", null)),
      Row.of(ORDERS, 2L, null, -7, new BigDecimal("12.25"), null, Instant.parse("2024-06-01T10:00:00.500Z"), null),
      Row.of(ORDERS, 3L, null, null, null, null, null, null));

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonLinesIntoANewTableWithTheSchemaGiven(StorageUnderTest storage) {
    String table = storage.newTablePath("orders");
    String input = WriteInputs.lines(dir, "jsonl", ORDER_LINES);

    CliRun run = CliRun.of("write", table, "--input", input, "--create-schema", ORDERS.toJson());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(11);
    assertThat(run.outLines().get(0)).isEqualTo("key            value");
    assertThat(run.outLines().get(1)).matches("-{13}  -+");
    assertThat(run.outLines().subList(2, 9)).containsExactly(
        "version        0",
        "operation      CREATE TABLE",
        "outcome        COMMITTED",
        "files added    1",
        "files removed  0",
        "rows written   3",
        "rows copied    0");
    assertThat(run.outLines().get(9)).matches("bytes written  [\\d,]+ bytes \\(\\d+\\.\\d KiB\\)");
    assertThat(run.outLines().get(10)).matches("duration       \\d+\\.\\d{3} s");
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.schema()).isEqualTo(ORDERS);
    assertThat(t.scan().toList()).containsExactlyInAnyOrderElementsOf(ORDER_ROWS);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void csvIntoANewPartitionedTableWithTheSchemaInferred(StorageUnderTest storage) {
    String table = storage.newTablePath("inferred-csv");
    String input = WriteInputs.file(dir, "csv", "id,region,price,day,at,paid,note,nothing\r\n"
        + "1,eu,2.5,2024-01-31,2024-01-31 23:00:00,true,\"a, b\",\r\n"
        + "2,us,3,2024-02-29,2024-02-29T00:00:00Z,FALSE,\"say \"\"hi\"\"\",\r\n"
        + "3,eu,,,,,\"\",\r\n");

    CliRun run = CliRun.of("write", table, "--input", input, "--infer-schema", "--partition-by", "region", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).matches("\\{\"version\":0,\"operation\":\"CREATE TABLE\",\"outcome\":\"COMMITTED\","
        + "\"filesAdded\":2,\"filesRemoved\":0,\"rowsWritten\":3,\"rowsCopied\":0,\"bytesWritten\":\\d+,\"durationMs\":\\d+}\n");
    StructType expected = StructType.builder()
        .add("id", PrimitiveType.LONG).add("region", PrimitiveType.STRING).add("price", PrimitiveType.DOUBLE)
        .add("day", PrimitiveType.DATE).add("at", PrimitiveType.TIMESTAMP).add("paid", PrimitiveType.BOOLEAN)
        .add("note", PrimitiveType.STRING).add("nothing", PrimitiveType.STRING).build();
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.schema()).isEqualTo(expected);
    assertThat(t.partitionColumns()).containsExactly("region");
    assertThat(t.scan().toList()).containsExactlyInAnyOrder(
        Row.of(expected, 1L, "eu", 2.5, LocalDate.of(2024, 1, 31), Instant.parse("2024-01-31T23:00:00Z"), true, "a, b", null),
        Row.of(expected, 2L, "us", 3.0, LocalDate.of(2024, 2, 29), Instant.parse("2024-02-29T00:00:00Z"), false, "say \"hi\"", null),
        Row.of(expected, 3L, "eu", null, null, null, null, "", null));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void parquetDataFileIntoNewTablesWithItsFooterSchemaOrTheOriginalOne(StorageUnderTest storage) {
    String source = Tables.allTypes(storage);
    List<String> files = WriteInputs.dataFiles(source);
    assertThat(files).hasSize(1);
    String inferred = storage.newTablePath("from-footer");
    String given = storage.newTablePath("from-schema");

    CliRun footer = CliRun.of("write", inferred, "--input", files.get(0), "--infer-schema");
    CliRun schema = CliRun.of("write", given, "--input", files.get(0), "--input-format", "PARQUET",
        "--create-schema", AllTypes.SCHEMA.toJson());

    assertThat(footer.exitCode()).as(footer.err()).isZero();
    assertThat(footer.out()).contains("rows written   4");
    // Kernel writes byte and short columns as plain INT32, so the footer says int for them.
    StructType fileSchema = StructType.of(AllTypes.SCHEMA.fields().stream()
        .map(f -> f.name().equals("i8") || f.name().equals("i16") ? new StructField(f.name(), PrimitiveType.INT, true) : f)
        .toList());
    assertThat(Tables.LAKE.table(inferred).schema()).isEqualTo(fileSchema);
    assertThat(schema.exitCode()).as(schema.err()).isZero();
    assertThat(CliRun.of("scan", given, "--format", "jsonl").out()).isEqualTo(CliRun.of("scan", source, "--format", "jsonl").out());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void whatScanPrintsAsJsonLinesOrCsvWritesBackToTheSameTable(StorageUnderTest storage) {
    String source = Tables.allTypes(storage);
    String schemaFile = WriteInputs.file(dir, "json", CliRun.of("schema", source, "--format", "json").out());
    String jsonl = WriteInputs.file(dir, "jsonl", CliRun.of("scan", source, "--format", "jsonl").out());
    String csv = WriteInputs.file(dir, "csv", CliRun.of("scan", source, "--format", "csv").out());
    String fromJsonl = storage.newTablePath("from-jsonl");
    String fromCsv = storage.newTablePath("from-csv");

    CliRun a = CliRun.of("write", fromJsonl, "--input", jsonl, "--create-schema", "@" + schemaFile);
    CliRun b = CliRun.of("write", fromCsv, "--input", csv, "--create-schema", "@" + schemaFile);

    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(WriteInputs.rows(fromJsonl)).isEqualTo(WriteInputs.rows(source));
    assertThat(WriteInputs.rows(fromCsv)).isEqualTo(WriteInputs.rows(source));
  }

  @Test
  void theInputFormatComesFromTheFileNameUnlessGiven() {
    String ndjson = WriteInputs.lines(dir, "ndjson", "{\"a\": 1}");
    String txt = WriteInputs.lines(dir, "txt", "a", "1");

    CliRun byName = CliRun.of("write", dir.resolve("by-name").toString(), "--input", ndjson, "--infer-schema");
    CliRun given = CliRun.of("write", dir.resolve("given").toString(), "--input", txt, "--input-format", "csv", "--infer-schema");
    CliRun unknown = CliRun.of("write", dir.resolve("unknown").toString(), "--input", txt, "--infer-schema");

    assertThat(byName.exitCode()).as(byName.err()).isZero();
    assertThat(given.exitCode()).as(given.err()).isZero();
    assertThat(WriteInputs.rows(dir.resolve("given").toString())).containsExactly("{a=1}");
    TestErrors.assertFails(unknown, 2, "Missing option '--input-format'", "does not tell the format",
        "Give --input-format jsonl, csv or parquet.");
  }
}
