package io.deltalake4j.cli;

import static io.deltalake4j.cli.TestErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code write} failures: a value that does not fit names the line and the column and commits
 * nothing; inputs that are not in their format; options that do not go together (exit 2).
 */
class TestWriteErrors {

  @TempDir Path dir;

  static final StructType ITEMS = StructType.builder()
      .addRequired("id", PrimitiveType.LONG).add("quantity", PrimitiveType.INT).add("price", Types.decimal(6, 2))
      .add("tiny", PrimitiveType.BYTE).add("day", PrimitiveType.DATE).build();

  private String table() {
    return dir.resolve("items-" + System.nanoTime()).toString();
  }

  private CliRun write(String table, String input, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "write";
    args[1] = table;
    args[2] = "--input";
    args[3] = input;
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.of(args);
  }

  @Test
  void badValueNamesTheLineAndColumnAndNothingIsCommitted() {
    String table = table();
    String input = WriteInputs.lines(dir, "jsonl", "{\"id\": 1, \"quantity\": 2}", "", "{\"id\": 2, \"quantity\": \"x\"}");

    CliRun run = write(table, input, "--create-schema", ITEMS.toJson());

    assertFails(run, 1, "Cannot read line 3 of " + input + ": column 'quantity' (int) got \"x\". Fix the value or the schema.");
    assertThat(Tables.LAKE.exists(table)).isFalse();
  }

  @Test
  void badValueInAnAppendLeavesTheTableAndItsFilesAsTheyWere() {
    String table = table();
    assertThat(write(table, WriteInputs.lines(dir, "jsonl", "{\"id\": 1}"), "--create-schema", ITEMS.toJson()).exitCode()).isZero();
    String input = WriteInputs.lines(dir, "csv", "id,quantity,price", "2,1,1.5", "3,1,1.555");

    CliRun run = write(table, input, "--mode", "append");

    assertFails(run, 1, "Cannot read line 3 of " + input + ": column 'price' (decimal(6,2)) got \"1.555\" (more than 2 decimal places)");
    assertThat(Tables.LAKE.table(table).version()).isZero();
    assertThat(WriteInputs.dataFiles(table)).hasSize(1);
  }

  @Test
  void valuesOutOfTheirColumnsRangeAndNullsInNotNullColumnsAreRefused() {
    String table = table();
    String schema = ITEMS.toJson();

    assertFails(write(table, WriteInputs.lines(dir, "jsonl", "{\"id\": 1, \"tiny\": 300}"), "--create-schema", schema), 1,
        "line 1 of ", "column 'tiny' (tinyint) got 300 (out of range for tinyint)");
    assertFails(write(table, WriteInputs.lines(dir, "jsonl", "{\"id\": 1, \"quantity\": 2.5}"), "--create-schema", schema), 1,
        "column 'quantity' (int) got 2.5 (not a whole number)");
    assertFails(write(table, WriteInputs.lines(dir, "jsonl", "{\"id\": 1, \"price\": 12345.5}"), "--create-schema", schema), 1,
        "column 'price' (decimal(6,2)) got 12345.5 (more than 4 digits before the point)");
    assertFails(write(table, WriteInputs.lines(dir, "csv", "id,day", "1,2024-02-30"), "--create-schema", schema), 1,
        "line 2 of ", "column 'day' (date) got \"2024-02-30\" (use YYYY-MM-DD)");
    assertFails(write(table, WriteInputs.lines(dir, "jsonl", "{\"quantity\": 1}"), "--create-schema", schema), 1,
        "Cannot read line 1 of ", ": column 'id' (bigint NOT NULL) got null. Fix the value or the schema.");
    assertThat(Tables.LAKE.exists(table)).isFalse();
  }

  @Test
  void linesThatAreNotJsonObjectsAreNamed() {
    String schema = ITEMS.toJson();

    assertFails(write(table(), WriteInputs.lines(dir, "jsonl", "{\"id\": 1}", "{\"id\": 2,}"), "--create-schema", schema), 1,
        "Cannot read line 2 of ", ": it is not valid JSON (", "at column 11). Fix the line: each line holds one JSON object.");
    assertFails(write(table(), WriteInputs.lines(dir, "jsonl", "[1, 2]"), "--create-schema", schema), 1,
        "Cannot read line 1 of ", ": it is an array, not a JSON object.");
    assertFails(write(table(), WriteInputs.lines(dir, "jsonl", "{\"id\": 1, \"id\": 2}"), "--create-schema", schema), 1,
        "Cannot read line 1 of ", "Duplicate field 'id'");
  }

  @Test
  void csvThatBreaksRfc4180IsNamedByLine() {
    String schema = "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}]}";

    assertFails(write(table(), WriteInputs.file(dir, "csv", "a,b\n1,2\n\"open,\n3\n"), "--create-schema", schema), 1,
        "Cannot read line 3 of ", ": a quoted field is not closed before the end of the file. Close the quote");
    assertFails(write(table(), WriteInputs.file(dir, "csv", "a,b\n1,2\n3\n"), "--create-schema", schema), 1,
        "Cannot read line 3 of ", ": it has 1 fields, the header has 2.");
    assertFails(write(table(), WriteInputs.file(dir, "csv", "a,b\n\"x\"y,2\n"), "--create-schema", schema), 1,
        "Cannot read line 2 of ", ": the quoted field in column 1 is followed by 'y'.");
    assertFails(write(table(), WriteInputs.file(dir, "csv", "a,a\n1,2\n"), "--create-schema", schema), 1,
        "Cannot read the header of ", ": column 'a' appears twice.");
    assertFails(write(table(), WriteInputs.file(dir, "csv", "a,c\n1,2\n"), "--create-schema", schema), 1,
        "Cannot read the header of ", ": column 'c' is not in the schema [a, b].");
    assertFails(write(table(), WriteInputs.file(dir, "csv", ""), "--create-schema", schema), 1,
        "Cannot read ", ": it is empty. A CSV input starts with a header row naming the columns.");
  }

  @Test
  void inputsThatAreMissingOrNotTextAreRefused() throws Exception {
    String missing = dir.resolve("nope.jsonl").toString();
    Path latin1 = dir.resolve("latin1.csv");
    java.nio.file.Files.write(latin1, new byte[] {'a', '\n', 'c', (byte) 0xE9, '\n'});

    assertFails(write(table(), missing, "--infer-schema"), 1, "Cannot read input " + missing + ": it does not exist. Check the path.");
    assertFails(write(table(), latin1.toString(), "--infer-schema"), 1, "latin1.csv: it is not UTF-8 text. Convert the file to UTF-8.");
    assertFails(write(table(), dir.resolve("nope.parquet").toString(), "--infer-schema"), 1,
        "Cannot read Parquet file ", "nope.parquet: it does not exist.");
  }

  @Test
  void schemaJsonThatDoesNotParseIsRefused() {
    String input = WriteInputs.lines(dir, "jsonl", "{\"id\": 1}");

    assertFails(write(table(), input, "--create-schema", "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}"), 1,
        "Cannot parse schema JSON: field 'id': unknown type \"int\" (did you mean \"integer\"?).");
    assertFails(write(table(), input, "--create-schema", "@" + dir.resolve("none.json")), 1,
        "Cannot read schema file ", "none.json: it does not exist. Give --create-schema the schema JSON, or @ and the path");
  }

  @Test
  void optionsThatDoNotGoTogetherAreUsageErrors() {
    String input = WriteInputs.lines(dir, "jsonl", "{\"id\": 1}");

    assertFails(write(table(), input, "--infer-schema", "--where", "id = 1"), 2,
        "Option '--where' needs '--mode overwrite' (the mode is error).");
    assertFails(write(table(), input, "--infer-schema", "--mode", "append", "--overwrite-schema"), 2,
        "Option '--overwrite-schema' needs '--mode overwrite' and no '--where'.");
    assertFails(write(table(), input, "--infer-schema", "--create-schema", "{}"), 2, "mutually exclusive");
    assertFails(write(table(), input, "--merge-schema", "--overwrite-schema"), 2, "mutually exclusive");
    assertFails(write(table(), input, "--infer-schema", "--txn", "loader"), 2,
        "'loader' is not APP:VERSION. Give an application id and a version of 0 or more, e.g. --txn nightly-load:42.");
    assertFails(write(table(), input, "--mode", "upsert"), 2,
        "Invalid value for option '--mode': 'upsert'. Use one of: error, append, overwrite, ignore.");
    assertFails(write(table(), input, "--input-format", "xml"), 2,
        "Invalid value for option '--input-format': 'xml'. Use one of: jsonl, csv, parquet.");
    assertFails(write(table(), input, "--infer-schema", "--partition-by", "a,,b"), 2, "'--partition-by'", "empty column name");
    assertFails(write(table(), input), 2, "No Delta table exists at ", "give --create-schema SCHEMA_JSON or --infer-schema.");
    assertFails(CliRun.of("write", table()), 2, "Missing required option: '--input=FILE'");
  }

  @Test
  void helpDescribesTheOptionsAndTheInferenceSample() {
    CliRun help = CliRun.of("write", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: deltalake4j write ", "--input=FILE", "--mode=MODE",
        "[--create-schema=SCHEMA_JSON | --infer-schema]", "[--merge-schema | --overwrite-schema]", "--txn=APP:VERSION");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("from their first 1,000 records");
    assertThat(WriteCommand.SAMPLE_ROWS).isEqualTo(1000);
  }
}
