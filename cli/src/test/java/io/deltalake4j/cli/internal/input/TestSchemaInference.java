package io.deltalake4j.cli.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltalake4j.types.PrimitiveType;
import org.junit.jupiter.api.Test;

/** The inference rules: JSON value kinds and CSV text, widened across the sample. */
class TestSchemaInference {

  private static String json(String... lines) throws Exception {
    JsonShape shape = new JsonShape();
    for (String line : lines) {
      JsonNode node = JsonLinesInput.MAPPER.readTree(line);
      shape.observe(node);
    }
    return shape.schema().toString();
  }

  private static PrimitiveType csv(String... values) {
    CsvColumnGuess guess = new CsvColumnGuess();
    for (String v : values) {
      guess.observe(v);
    }
    return (PrimitiveType) guess.type();
  }

  @Test
  void jsonNumbersAreLongUntilAFractionOrExponentOrAHugeValue() throws Exception {
    assertThat(json("{\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 12345678901234567890}", "{\"a\": -2, \"b\": 1.5, \"c\": 1e3}"))
        .isEqualTo("struct<a:bigint,b:double,c:double,d:double>");
  }

  @Test
  void jsonKindsThatDisagreeOrNeverShowAValueAreStrings() throws Exception {
    assertThat(json("{\"a\": true, \"b\": 1, \"c\": null, \"d\": {}, \"e\": [], \"f\": [1]}",
        "{\"a\": 1, \"b\": {\"x\": 1}, \"f\": 2}"))
        .isEqualTo("struct<a:string,b:string,c:string,d:string,e:array<string>,f:string>");
  }

  @Test
  void jsonObjectsMergeTheirFieldsInOrderOfFirstAppearance() throws Exception {
    assertThat(json("{\"o\": {\"b\": 1}, \"l\": [{\"x\": \"s\"}]}", "{\"o\": {\"a\": false, \"b\": 2.5}, \"l\": [{\"y\": 1}], \"z\": 0}"))
        .isEqualTo("struct<o:struct<b:double,a:boolean>,l:array<struct<x:string,y:bigint>>,z:bigint>");
  }

  @Test
  void csvColumnsTakeTheNarrowestTypeEveryValueFits() {
    assertThat(csv("1", " -2 ", "", "+3")).isEqualTo(PrimitiveType.LONG);
    assertThat(csv("1", "2.5", "1e3")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(csv("9223372036854775808")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(csv("true", "FALSE")).isEqualTo(PrimitiveType.BOOLEAN);
    assertThat(csv("2024-02-29", "1999-12-31")).isEqualTo(PrimitiveType.DATE);
    assertThat(csv("2024-02-29", "2024-03-01 12:00:00.5", "2024-03-01T12:00:00Z")).isEqualTo(PrimitiveType.TIMESTAMP);
    assertThat(csv("2024-02-30")).isEqualTo(PrimitiveType.STRING);
    assertThat(csv("1", "yes")).isEqualTo(PrimitiveType.STRING);
    assertThat(csv("NaN", "1")).isEqualTo(PrimitiveType.STRING);
    assertThat(csv("", " ")).isEqualTo(PrimitiveType.STRING);
  }
}
