package io.deltalake4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text per RFC 8259: string escaping, compact and pretty layout. */
class TestJson {

  @Test
  void quoteEscapesQuoteBackslashAndEveryControlCharacter() {
    assertThat(Json.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(Json.quote("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    assertThat(Json.quote("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
  }

  @Test
  void quoteEscapesUnicodeLineSeparatorsButKeepsOtherTextAsIs() {
    assertThat(Json.quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    assertThat(Json.quote("héllo ✓ 😀 / \u007f")).isEqualTo("\"héllo ✓ 😀 / \u007f\"");
  }

  @Test
  void quoteEscapesUnpairedSurrogatesOnly() {
    assertThat(Json.quote("x\ud800y")).isEqualTo("\"x\\ud800y\"");
    assertThat(Json.quote("\udc00")).isEqualTo("\"\\udc00\"");
    assertThat(Json.quote("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
  }

  @Test
  void compactWritesNestedValuesOnOneLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", 1L);
    m.put("s", "x");
    m.put("b", true);
    m.put("nothing", null);
    m.put("list", Arrays.asList(1, null, "two"));
    m.put("empty", Map.of());

    assertThat(Json.compact(m)).isEqualTo("{\"n\":1,\"s\":\"x\",\"b\":true,\"nothing\":null,\"list\":[1,null,\"two\"],\"empty\":{}}");
  }

  @Test
  void prettyIndentsByTwoSpacesAndKeepsScalarArraysOnOneLine() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("k", "v");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cols", List.of("a", "b"));
    m.put("none", List.of());
    m.put("objects", List.of(inner));
    m.put("inner", inner);

    assertThat(Json.pretty(m)).isEqualTo(String.join("\n",
        "{",
        "  \"cols\": [\"a\", \"b\"],",
        "  \"none\": [],",
        "  \"objects\": [",
        "    {",
        "      \"k\": \"v\"",
        "    }",
        "  ],",
        "  \"inner\": {",
        "    \"k\": \"v\"",
        "  }",
        "}"));
  }

  @Test
  void valuesWithoutAJsonFormAreRefused() {
    assertThatThrownBy(() -> Json.compact(Map.of("x", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write JSON for a java.lang.Double: use a string, boolean, integral number, map or collection.");
  }
}
