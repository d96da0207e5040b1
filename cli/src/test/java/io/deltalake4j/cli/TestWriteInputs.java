package io.deltalake4j.cli;

import static io.deltalake4j.cli.TestErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaTable;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code write} reads its inputs: CSV quoting, the inference sample, and a large file streamed. */
class TestWriteInputs {

  @TempDir Path dir;

  static final StructType TEXT = StructType.builder()
      .add("id", PrimitiveType.INT).add("text", PrimitiveType.STRING).add("bin", PrimitiveType.BINARY).build();

  @Test
  void csvQuotesHoldCommasQuotesAndLineBreaksAndEmptyDiffersFromNull() {
    String table = dir.resolve("quoted").toString();
    String input = WriteInputs.file(dir, "csv", "\uFEFFid,text,bin\r\n"
        + "1,\"a, b\",AAH/\r\n"
        + "2,\"say \"\"hi\"\"\",\r\n"
        + "\r\n"
        + "3,\"two\r\nlines\nand more\",\"\"\r\n"
        + "4,,\r\n"
        + "5,\"\",\r\n"
        + "6,plain \"inch\" mark,\r\n"
        + "7,\"héllo ✓ 😀\",");

    CliRun run = CliRun.of("write", table, "--input", input, "--create-schema", TEXT.toJson());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(WriteInputs.rows(table)).containsExactly(
        "{id=1, text=a, b, bin=[0, 1, -1]}",
        "{id=2, text=say \"hi\", bin=null}",
        "{id=3, text=two\r\nlines\nand more, bin=[]}",
        "{id=4, text=null, bin=null}",
        "{id=5, text=, bin=null}",
        "{id=6, text=plain \"inch\" mark, bin=null}",
        "{id=7, text=héllo ✓ 😀, bin=null}");
  }

  @Test
  void csvErrorsAfterAQuotedLineBreakNameThePhysicalLine() {
    String input = WriteInputs.file(dir, "csv", "id,text,bin\n1,\"a\nb\nc\",\n2,x,\n3,y,%%%\n");

    CliRun run = CliRun.of("write", dir.resolve("lines").toString(), "--input", input, "--create-schema", TEXT.toJson());

    assertFails(run, 1, "Cannot read line 6 of " + input + ": column 'bin' (binary) got \"%%%\" (not base64).");
  }

  @Test
  void inferenceLooksAtTheFirstThousandRecordsOnly() throws Exception {
    Path input = dir.resolve("late.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      lines.append("{\"n\": ").append(i).append("}\n");
    }
    lines.append("{\"n\": \"late text\"}\n");
    Files.writeString(input, lines);

    CliRun run = CliRun.of("write", dir.resolve("late").toString(), "--input", input.toString(), "--infer-schema");

    assertFails(run, 1, "Cannot read line 1001 of " + input + ": column 'n' (bigint) got \"late text\".");
  }

  @Test
  void jsonInferenceWidensMixedValuesAndNestsObjectsAndArrays() {
    String table = dir.resolve("shapes").toString();
    String input = WriteInputs.lines(dir, "jsonl",
        "{\"n\": 1, \"x\": 1, \"mixed\": 1, \"none\": null, \"obj\": {\"a\": 1}, \"list\": [1, 2], \"flag\": true}",
        "{\"n\": 2, \"x\": 2.5, \"mixed\": \"one\", \"obj\": {\"b\": \"t\"}, \"list\": [3.5], \"flag\": false}");

    CliRun run = CliRun.of("write", table, "--input", input, "--infer-schema");

    assertThat(run.exitCode()).as(run.err()).isZero();
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.schema().toString()).isEqualTo(
        "struct<n:bigint,x:double,mixed:string,none:string,obj:struct<a:bigint,b:string>,list:array<double>,flag:boolean>");
    assertThat(WriteInputs.rows(table)).containsExactly(
        "{n=1, x=1.0, mixed=1, none=null, obj={a=1, b=null}, list=[1.0, 2.0], flag=true}",
        "{n=2, x=2.5, mixed=one, none=null, obj={a=null, b=t}, list=[3.5], flag=false}");
  }

  /**
   * 300,000 lines (about 20 MB) through the whole write. The input is read one line per row as the
   * writer pulls rows (an iterator over a BufferedReader: see JsonLinesInput), and the writer holds
   * at most its buffer of rows; memory cannot be measured here, so this checks the count and that
   * the rows all arrive, in one commit.
   */
  @Test
  void aLargeInputIsStreamedIntoOneCommit() throws Exception {
    Path input = dir.resolve("big.jsonl");
    int n = 300_000;
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        w.write(String.format(Locale.ROOT, "{\"id\": %d, \"region\": \"r%d\", \"amount\": %d.25}%n", i, i % 7, i % 1000));
      }
    }
    String table = dir.resolve("big").toString();

    CliRun run = CliRun.of("write", table, "--input", input.toString(), "--infer-schema", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("\"outcome\":\"COMMITTED\"", "\"rowsWritten\":300000");
    DeltaTable t = Tables.LAKE.table(table);
    assertThat(t.scan().count()).isEqualTo(n);
    assertThat(t.scan().where("id = 299999").toList()).singleElement().hasToString("{id=299999, region=r0, amount=999.25}");
  }
}
