package io.deltalake4j.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.SchemaMismatchException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StructType.toJson / fromJson: the Delta protocol's schema serialization, both ways. */
class TestStructTypeJson {

  static final StructType ADDRESS = StructType.builder()
      .add("city", PrimitiveType.STRING).addRequired("zip", PrimitiveType.INT).build();

  /** A column of every primitive type, then decimals, nested types, nullability and metadata. */
  static final StructType EVERY_TYPE = everyType();

  private static StructType everyType() {
    StructType.Builder b = StructType.builder();
    for (PrimitiveType p : PrimitiveType.values()) {
      b.add("c_" + p.sql(), p);
    }
    return b.addRequired("dec", Types.decimal(38, 18))
        .add("address", ADDRESS)
        .add("tags", new ArrayType(PrimitiveType.STRING, false))
        .add("by_id", MapType.of(PrimitiveType.INT, ArrayType.of(ADDRESS)))
        .add(new StructField("noted", PrimitiveType.STRING, true, Map.of("comment", "a \"note\"", "b.key", "2")))
        .build();
  }

  @Test
  void toJsonWritesTheProtocolNamesAndNestedObjects() {
    StructType schema = StructType.builder()
        .addRequired("id", PrimitiveType.INT)
        .add("n", PrimitiveType.LONG)
        .add("price", Types.decimal(10, 2))
        .add("tags", new ArrayType(PrimitiveType.SHORT, false))
        .add("m", MapType.of(PrimitiveType.BYTE, StructType.of(StructField.of("x", PrimitiveType.TIMESTAMP_NTZ))))
        .add(new StructField("c", PrimitiveType.STRING, true, Map.of("z", "1", "comment", "hi")))
        .build();

    assertThat(schema.toJson()).isEqualTo("{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}},"
        + "{\"name\":\"n\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"price\",\"type\":\"decimal(10,2)\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"elementType\":\"short\",\"containsNull\":false},"
        + "\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"byte\",\"valueType\":{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"x\",\"type\":\"timestamp_ntz\",\"nullable\":true,\"metadata\":{}}]},\"valueContainsNull\":true},"
        + "\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"c\",\"type\":\"string\",\"nullable\":true,\"metadata\":{\"comment\":\"hi\",\"z\":\"1\"}}]}");
  }

  @Test
  void everyTypeNullabilityAndMetadataRoundTrip() {
    StructType back = StructType.fromJson(EVERY_TYPE.toJson());

    assertThat(back).isEqualTo(EVERY_TYPE);
    assertThat(back.field("noted").orElseThrow().metadata()).isEqualTo(Map.of("comment", "a \"note\"", "b.key", "2"));
    assertThat(back.toJson()).isEqualTo(EVERY_TYPE.toJson());
  }

  @Test
  void readsWhatSparkAndTheDeltaLogWrite() {
    String spark = "{\"type\":\"struct\",\"fields\":[\n"
        + "  {\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{\"delta.columnMapping.id\":1,"
        + "\"delta.identity.allowExplicitInsert\":false,\"tags\":[\"a\",\"b\"]}},\n"
        + "  {\"name\":\"price\",\"type\":\"decimal( 10 , 2 )\",\"nullable\":false,\"metadata\":{}},\n"
        + "  {\"name\":\"plain\",\"type\":\"string\"}]}";

    StructType schema = StructType.fromJson(spark);

    assertThat(schema.fieldNames()).containsExactly("id", "price", "plain");
    assertThat(schema.field("id").orElseThrow().metadata()).isEqualTo(Map.of(
        "delta.columnMapping.id", "1", "delta.identity.allowExplicitInsert", "false", "tags", "[\"a\",\"b\"]"));
    assertThat(schema.field("price").orElseThrow()).isEqualTo(StructField.required("price", Types.decimal(10, 2)));
    assertThat(schema.field("plain").orElseThrow()).isEqualTo(StructField.of("plain", PrimitiveType.STRING));
  }

  @Test
  void textThatIsNotJsonGivesTheLineAndColumn() {
    assertThatThrownBy(() -> StructType.fromJson("{\"type\":\"struct\",\n \"fields\":[,]}"))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("Cannot parse schema JSON at line 2, column 13: Unexpected character (',' (code 44))")
        .hasMessageContaining("Give the Delta schema JSON, e.g. {\"type\":\"struct\",\"fields\":[");
    assertThatThrownBy(() -> StructType.fromJson("{\"type\":\"struct\",\"fields\":[]} extra"))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("Cannot parse schema JSON at line 1, column 36: Unrecognized token 'extra'");
    assertThatThrownBy(() -> StructType.fromJson("  "))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("Cannot parse schema JSON: the text is empty. Give the Delta schema JSON");
  }

  @Test
  void topLevelMustBeAStruct() {
    assertThatThrownBy(() -> StructType.fromJson("[1, 2]"))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("Cannot parse schema JSON: the top level is an array, not a struct object.");
    assertThatThrownBy(() -> StructType.fromJson("{\"type\":\"struct\"}"))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: the top-level struct: its struct has no \"fields\" array. "
            + "List the fields as \"fields\":[...].");
  }

  @Test
  void unknownTypeNamesTheFieldPathAndSuggestsTheProtocolName() {
    String json = "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"zip\",\"type\":\"int\",\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}]}";

    assertThatThrownBy(() -> StructType.fromJson(json))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("Cannot parse schema JSON: field 'a.zip': unknown type \"int\" (did you mean \"integer\"?). "
            + "Use one of boolean, byte, short, integer, long, float, double, string, binary, date, timestamp, "
            + "timestamp_ntz, variant, decimal(p,s), or an array, map or struct object.");
  }

  @Test
  void badFieldsArePointedAt() {
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"type\":\"long\"}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 1: it has no \"name\" string. Give every field a name.");
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"x\"}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 'x': it has no \"type\". Give its type, e.g. \"type\":\"long\".");
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"x\",\"type\":\"long\",\"nullable\":\"yes\"}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 'x': \"nullable\" is the string \"yes\", not true or false. "
            + "Write \"nullable\":true or false.");
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"x\",\"type\":\"long\"},{\"name\":\"x\",\"type\":\"long\"}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: the schema: Invalid struct: field name 'x' appears twice. Rename one of them.");
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"l\",\"type\":{\"type\":\"array\",\"containsNull\":true}}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 'l': its array type has no \"elementType\". Add \"elementType\".");
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"m\",\"type\":{\"type\":\"map\",\"keyType\":\"string\","
        + "\"valueType\":{\"type\":\"list\"}}}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 'm.value': its type object has \"type\":\"list\". "
            + "Use \"struct\", \"array\" or \"map\".");
  }

  @Test
  void decimalOutOfRangeIsRejected() {
    assertThatThrownBy(() -> StructType.fromJson(struct("{\"name\":\"d\",\"type\":\"decimal(40,2)\"}")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot parse schema JSON: field 'd': Invalid decimal precision: 40. Use 1 to 38. Fix the decimal type.");
  }

  private static String struct(String fields) {
    return "{\"type\":\"struct\",\"fields\":[" + fields + "]}";
  }
}
