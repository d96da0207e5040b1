package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j schema}: columns with SQL types, or the Delta schema JSON, on local disk and HDFS. */
@ExtendWith(Storages.class)
class TestSchemaCommand {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void tableListsColumnsWithSqlTypesAndMarksPartitionColumns(StorageUnderTest storage) {
    SalesFixture sales = Tables.sales(storage);

    CliRun run = CliRun.of("schema", sales.table.location());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        "name            type           nullable  partition",
        "--------------  -------------  --------  ---------",
        "transaction_id  bigint         true",
        "product         string         true",
        "quantity        int            true",
        "price           decimal(10,2)  true",
        "region          string         true      yes",
        "sale_date       date           true",
        "year            int            true      yes",
        "month           int            true      yes");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void tableSpellsNestedTypes(StorageUnderTest storage) {
    CliRun run = CliRun.of("schema", Tables.allTypes(storage));

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly(
        "name     type                                         nullable  partition",
        "-------  -------------------------------------------  --------  ---------",
        "id       int                                          false",
        "b        boolean                                      true",
        "i8       tinyint                                      true",
        "i16      smallint                                     true",
        "i64      bigint                                       true",
        "f32      float                                        true",
        "f64      double                                       true",
        "dec      decimal(5,2)                                 true",
        "big_dec  decimal(38,18)                               true",
        "s        string                                       true",
        "bin      binary                                       true",
        "d        date                                         true",
        "ts       timestamp                                    true",
        "ts_ntz   timestamp_ntz                                true",
        "address  struct<city:string,zip:int>                  true",
        "tags     array<string>                                true",
        "scores   map<string,double>                           true",
        "by_id    map<int,array<struct<city:string,zip:int>>>  true");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void jsonIsTheDeltaSchemaFormat(StorageUnderTest storage) {
    CliRun run = CliRun.of("schema", Tables.allTypes(storage), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    String compact = run.out().replaceAll("\\n *", "").replace("\": ", "\":").replace(", ", ",");
    String address = "{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"city\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"zip\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}]}";
    assertThat(compact).isEqualTo("{\"type\":\"struct\",\"fields\":["
        + field("id", "\"integer\"", false) + ","
        + field("b", "\"boolean\"", true) + ","
        + field("i8", "\"byte\"", true) + ","
        + field("i16", "\"short\"", true) + ","
        + field("i64", "\"long\"", true) + ","
        + field("f32", "\"float\"", true) + ","
        + field("f64", "\"double\"", true) + ","
        + field("dec", "\"decimal(5,2)\"", true) + ","
        + field("big_dec", "\"decimal(38,18)\"", true) + ","
        + field("s", "\"string\"", true) + ","
        + field("bin", "\"binary\"", true) + ","
        + field("d", "\"date\"", true) + ","
        + field("ts", "\"timestamp\"", true) + ","
        + field("ts_ntz", "\"timestamp_ntz\"", true) + ","
        + field("address", address, true) + ","
        + field("tags", "{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true}", true) + ","
        + field("scores", "{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"double\",\"valueContainsNull\":true}", true) + ","
        + field("by_id", "{\"type\":\"map\",\"keyType\":\"integer\",\"valueType\":"
            + "{\"type\":\"array\",\"elementType\":" + address + ",\"containsNull\":true},\"valueContainsNull\":true}", true)
        + "]}");
    assertThat(run.out()).startsWith("{\n  \"type\": \"struct\",\n  \"fields\": [\n    {\n      \"name\": \"id\",\n");
  }

  private static String field(String name, String typeJson, boolean nullable) {
    return "{\"name\":\"" + name + "\",\"type\":" + typeJson + ",\"nullable\":" + nullable + ",\"metadata\":{}}";
  }
}
