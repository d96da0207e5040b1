package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Delta type through {@code scan --format jsonl} and {@code --format csv}, compared with the
 * exact expected text: nested values with nulls, both kinds of map, non-finite floats, decimal
 * scale, six-digit timestamps, base64 binary, string escaping and CSV quoting.
 */
@ExtendWith(Storages.class)
class TestValueEncodings {

  static final List<String> JSON_LINES = List.of(
      "{\"id\":1,\"b\":true,\"i8\":-128,\"i16\":32767,\"i64\":9223372036854775807,\"f32\":1.5,\"f64\":\"NaN\","
          + "\"dec\":\"12.30\",\"big_dec\":\"12345678901234567890.123456789012345678\","
          + "\"s\":\"q\\\"b\\\\n\\nt\\t\\u0001ls\\u2028é✓😀, end\",\"bin\":\"AAH/\",\"d\":\"1969-12-31\","
          + "\"ts\":\"2024-02-29T23:59:59.123456Z\",\"ts_ntz\":\"2024-01-01T00:00:00.000001\","
          + "\"address\":{\"city\":\"Berlin\",\"zip\":10115},\"tags\":[\"a\",null,\"\"],"
          + "\"scores\":{\"math\":9.5,\"art\":null,\"inf\":\"Infinity\"},"
          + "\"by_id\":[{\"key\":7,\"value\":[{\"city\":\"Paris\",\"zip\":75001},null,{\"city\":null,\"zip\":null}]}]}",
      "{\"id\":2,\"b\":false,\"i8\":0,\"i16\":-1,\"i64\":-1,\"f32\":\"-Infinity\",\"f64\":\"-Infinity\","
          + "\"dec\":\"-0.50\",\"big_dec\":\"0.000000000000000000\",\"s\":\"\",\"bin\":\"\",\"d\":\"2024-02-29\","
          + "\"ts\":\"1970-01-01T00:00:00.000000Z\",\"ts_ntz\":\"1900-01-01T12:00:00.000000\","
          + "\"address\":{\"city\":null,\"zip\":null},\"tags\":[],\"scores\":{},\"by_id\":[]}",
      "{\"id\":3,\"b\":null,\"i8\":null,\"i16\":null,\"i64\":-9223372036854775808,\"f32\":0.1,\"f64\":1.0E-7,"
          + "\"dec\":null,\"big_dec\":null,\"s\":\"plain\",\"bin\":null,\"d\":null,"
          + "\"ts\":\"1969-12-31T23:59:59.999999Z\",\"ts_ntz\":null,"
          + "\"address\":null,\"tags\":null,\"scores\":null,\"by_id\":null}",
      "{\"id\":4,\"b\":null,\"i8\":null,\"i16\":null,\"i64\":null,\"f32\":null,\"f64\":null,"
          + "\"dec\":null,\"big_dec\":null,\"s\":null,\"bin\":null,\"d\":null,"
          + "\"ts\":null,\"ts_ntz\":null,"
          + "\"address\":null,\"tags\":null,\"scores\":null,\"by_id\":null}");

  static final String CSV =
      "id,b,i8,i16,i64,f32,f64,dec,big_dec,s,bin,d,ts,ts_ntz,address,tags,scores,by_id\r\n"
          + "1,true,-128,32767,9223372036854775807,1.5,NaN,12.30,12345678901234567890.123456789012345678,"
          + "\"q\"\"b\\n\nt\t\u0001ls\u2028é✓😀, end\",AAH/,1969-12-31,2024-02-29T23:59:59.123456Z,"
          + "2024-01-01T00:00:00.000001,\"{\"\"city\"\":\"\"Berlin\"\",\"\"zip\"\":10115}\",\"[\"\"a\"\",null,\"\"\"\"]\","
          + "\"{\"\"math\"\":9.5,\"\"art\"\":null,\"\"inf\"\":\"\"Infinity\"\"}\","
          + "\"[{\"\"key\"\":7,\"\"value\"\":[{\"\"city\"\":\"\"Paris\"\",\"\"zip\"\":75001},null,"
          + "{\"\"city\"\":null,\"\"zip\"\":null}]}]\"\r\n"
          + "2,false,0,-1,-1,-Infinity,-Infinity,-0.50,0.000000000000000000,\"\",\"\",2024-02-29,"
          + "1970-01-01T00:00:00.000000Z,1900-01-01T12:00:00.000000,\"{\"\"city\"\":null,\"\"zip\"\":null}\",[],{},[]\r\n"
          + "3,,,,-9223372036854775808,0.1,1.0E-7,,,plain,,,1969-12-31T23:59:59.999999Z,,,,,\r\n"
          + "4,,,,,,,,,,,,,,,,,\r\n";

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonLinesEncodeEveryTypeExactly(StorageUnderTest storage) {
    CliRun run = CliRun.of("scan", Tables.allTypes(storage), "--format", "jsonl");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(String.join("\n", JSON_LINES) + "\n");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void csvEncodesEveryTypeExactlyWithRfc4180Quoting(StorageUnderTest storage) {
    CliRun run = CliRun.of("scan", Tables.allTypes(storage), "--format", "csv");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(CSV);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void tableShowsNullsNestedJsonAndEscapedControlsOneRowPerLine(StorageUnderTest storage) {
    CliRun run = CliRun.of("scan", Tables.allTypes(storage), "--select", "id,s,address,by_id,dec");

    assertThat(run.exitCode()).isZero();
    String byId = "[{\"key\":7,\"value\":[{\"city\":\"Paris\",\"zip\":75001},null,{\"city…";
    assertThat(byId).hasSize(60);
    assertThat(run.outLines()).containsExactly(
        "id  s                                 address                        by_id" + " ".repeat(59) + "dec",
        "--  " + "-".repeat(32) + "  " + "-".repeat(29) + "  " + "-".repeat(60) + "  -----",
        " 1  q\"b\\n\\nt\\t\\u0001ls\\u2028é✓😀, end  {\"city\":\"Berlin\",\"zip\":10115}  " + byId + "  12.30",
        " 2  " + " ".repeat(32) + "  {\"city\":null,\"zip\":null}       []" + " ".repeat(58) + "  -0.50",
        " 3  plain" + " ".repeat(27) + "  NULL" + " ".repeat(25) + "  NULL" + " ".repeat(56) + "   NULL",
        " 4  NULL" + " ".repeat(28) + "  NULL" + " ".repeat(25) + "  NULL" + " ".repeat(56) + "   NULL",
        "4 rows (version 0; files: 1 in snapshot, 0 pruned by partition, 0 skipped by stats, 1 read)");
  }
}
