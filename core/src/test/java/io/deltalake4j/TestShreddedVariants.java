package io.deltalake4j;

import static io.deltalake4j.testing.ShreddedVariantFiles.int8;
import static io.deltalake4j.testing.ShreddedVariantFiles.metadata;
import static io.deltalake4j.testing.ShreddedVariantFiles.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.ShreddedVariantFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants kept shredded in Parquet (typed_value beside value, as VariantShredding.md lays them
 * out) read as the JSON text of the values they encode: every shredded primitive type, objects
 * fully and partially shredded, fields missing or null, arrays of shredded elements, values that
 * did not fit the shredded type.
 */
@ExtendWith(LocalLake.class)
class TestShreddedVariants {

  static Binary bin(byte[] b) {
    return Binary.fromConstantByteArray(b);
  }

  static Map<Integer, List<String>> read(DeltaLake lake, Path table) {
    Map<Integer, List<String>> rows = new TreeMap<>();
    for (Row r : lake.table(table.toString()).scan().toList()) {
      rows.put((Integer) r.get("id"), java.util.Arrays.asList((String) r.get("v"), (String) r.get("n")));
    }
    return rows;
  }

  @Test
  void shreddedValuesReadAsTheJsonOfTheValuesTheyEncode(@TempDir Path dir, DeltaLake lake) throws Exception {
    Map<Integer, List<String>> rows = read(lake, ShreddedVariantFiles.everyLayout(dir));

    assertThat(rows.get(1)).containsExactly(
        "{\"b\":true,\"bin\":\"AP8Q\",\"d\":1.25,\"date\":\"2024-09-09\",\"dec16\":-100000000000000000000.00001,"
            + "\"dec4\":123.45,\"dec8\":-1.5,\"f\":0.5,\"i16\":-300,\"i32\":70000,\"i64\":1234567890123,\"i8\":-5,"
            + "\"list\":[1,2],\"obj\":{\"x\":\"nested\"},\"s\":\"héllo \\\"quoted\\\"\",\"time\":\"10:30:00.500\","
            + "\"ts\":\"2024-09-09 10:30:00.123456+00:00\",\"tsn\":\"2024-09-09 10:30:00.123456789+00:00\","
            + "\"tsnntz\":\"2024-09-09 10:30:00.000000001\",\"tsntz\":\"2024-09-09 10:30:00.5\","
            + "\"u\":\"123e4567-e89b-12d3-a456-426614174000\"}",
        "34");
    assertThat(rows.get(2)).containsExactly("{\"email\":\"user@example.com\",\"i8\":7}", "null");
    assertThat(rows.get(3)).containsExactly("\"not an object\"", "\"n/a\"");
    assertThat(rows.get(4)).containsExactly("{}", "null");
    assertThat(rows.get(5)).containsExactly(null, null);
    assertThat(rows.get(6)).containsExactly(
        "{\"b\":null,\"list\":[1,\"q\",null],\"obj\":\"not an object either\",\"s\":7}", "-1");
  }

  @Test
  void shreddedValuesReadAsTheirUnshreddedEncodingReads(@TempDir Path dir, DeltaLake lake) throws Exception {
    // The partially shredded object of row 2, written unshredded by hand: the same metadata, one value.
    byte[] unshredded = {2, 2, (byte) ShreddedVariantFiles.id("email"), (byte) ShreddedVariantFiles.id("i8"), 0, 17, 19};
    byte[] whole = java.util.Arrays.copyOf(unshredded, unshredded.length + 19);
    System.arraycopy(string("user@example.com"), 0, whole, unshredded.length, 17);
    System.arraycopy(int8(7), 0, whole, unshredded.length + 17, 2);
    String expected = io.deltalake4j.internal.variant.VariantJson.toJson(ShreddedVariantFiles.metadata(ShreddedVariantFiles.KEYS), whole);

    assertThat(read(lake, ShreddedVariantFiles.everyLayout(dir)).get(2).get(0)).isEqualTo(expected);
  }

  @Test
  void unshreddedFilesOfATableWithTheShreddingFeatureReadAsBefore(@TempDir Path dir, DeltaLake lake) throws Exception {
    Map<Integer, String> rows = new TreeMap<>();
    for (Row r : lake.table(ShreddedVariantFiles.unshredded(dir).toString()).scan().toList()) {
      rows.put((Integer) r.get("id"), (String) r.get("v"));
    }

    assertThat(rows).containsExactly(java.util.Map.entry(1, "{\"email\":\"user@example.com\"}"),
        java.util.Map.entry(2, "\"text\""), java.util.Map.entry(3, "null"), new java.util.AbstractMap.SimpleEntry<>(4, null));
  }

  @Test
  void shreddedVariantsInsideAStructReadAsJsonText(@TempDir Path dir, DeltaLake lake) throws Exception {
    Path table = dir.resolve("in-struct");
    ShreddedVariantFiles.tableOfFields(table,
        List.of("{\"name\":\"s\",\"type\":{\"type\":\"struct\",\"fields\":[{\"name\":\"w\",\"type\":\"variant\","
            + "\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}"),
        "message m { optional int32 id; optional group s { optional group w { required binary metadata; "
            + "optional binary value; optional group typed_value { required group k { optional binary value; "
            + "optional int32 typed_value; } } } } }",
        List.of(
            r -> {
              r.add("id", 1);
              Group w = r.addGroup("s").addGroup("w");
              w.add("metadata", bin(metadata("k")));
              w.addGroup("typed_value").addGroup("k").add("typed_value", 1);
            },
            r -> {
              r.add("id", 2);
              r.addGroup("s");
            },
            r -> r.add("id", 3)));
    Map<Integer, String> rows = new TreeMap<>();
    for (Row r : lake.table(table.toString()).scan().toList()) {
      Row s = (Row) r.get("s");
      rows.put((Integer) r.get("id"), s == null ? "struct null" : (String) s.get("w"));
    }

    assertThat(rows).containsEntry(1, "{\"k\":1}").containsEntry(2, null).containsEntry(3, "struct null");
  }

  @Test
  void aShreddedVariantInsideAnArrayIsRefusedNamingTheColumn(@TempDir Path dir, DeltaLake lake) throws Exception {
    Path table = dir.resolve("in-array");
    ShreddedVariantFiles.tableOfFields(table,
        List.of("{\"name\":\"arr\",\"type\":{\"type\":\"array\",\"elementType\":\"variant\",\"containsNull\":true},"
            + "\"nullable\":true,\"metadata\":{}}"),
        "message m { optional int32 id; optional group arr (LIST) { repeated group list { optional group element { "
            + "required binary metadata; optional binary value; optional int32 typed_value; } } } }",
        List.of(r -> {
          r.add("id", 1);
          Group e = r.addGroup("arr").addGroup("list").addGroup("element");
          e.add("metadata", bin(metadata()));
          e.add("typed_value", 5);
        }));

    assertThatThrownBy(() -> lake.table(table.toString()).scan().toList())
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Cannot read column 'arr' of data file")
        .hasMessageContaining("it holds shredded variants inside an array or a map, which are not supported. "
            + "Leave the column out with select(...).");
    assertThat(lake.table(table.toString()).scan().select("id").toList()).hasSize(1);
  }

  @Test
  void aShreddedFieldMissingFromTheMetadataIsACorruptFile(@TempDir Path dir, DeltaLake lake) throws Exception {
    Path table = dir.resolve("corrupt");
    ShreddedVariantFiles.table(table, List.of("v"),
        "message m { optional int32 id; optional group v { required binary metadata; optional binary value; "
            + "optional group typed_value { required group a { optional binary value; optional int32 typed_value; } } } }",
        List.of(r -> {
          r.add("id", 1);
          Group v = r.addGroup("v");
          v.add("metadata", bin(metadata("not-a")));
          v.addGroup("typed_value").addGroup("a").add("typed_value", 1);
        }));

    assertThatThrownBy(() -> lake.table(table.toString()).scan().toList())
        .isInstanceOf(io.deltalake4j.exceptions.CorruptFileException.class)
        .hasMessageContaining("Cannot read column 'v' of data file")
        .hasMessageContaining("a shredded variant cannot be put back together (field name 'a' is not in the metadata's "
            + "dictionary). The file is corrupt or was written by a broken writer.");
  }

  @Test
  void aFieldShreddedAsAnUnlistedTypeIsRefusedNamingIt(@TempDir Path dir, DeltaLake lake) throws Exception {
    Path table = dir.resolve("unlisted");
    ShreddedVariantFiles.table(table, List.of("v"),
        "message m { optional int32 id; optional group v { required binary metadata; optional binary value; "
            + "optional group typed_value { required group a { optional binary value; "
            + "optional int32 typed_value (INTEGER(32,false)); } } } }",
        List.of(r -> {
          r.add("id", 1);
          Group v = r.addGroup("v");
          v.add("metadata", bin(metadata("a")));
          v.addGroup("typed_value").addGroup("a").add("typed_value", 1);
        }));

    assertThatThrownBy(() -> lake.table(table.toString()).scan().toList())
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Cannot read variant column 'v.a' of data file")
        .hasMessageContaining("INTEGER(32,false)")
        .hasMessageContaining("Leave the column out with select(...)");
  }

  @Test
  void otherColumnsOfTheTableReadWithoutTheVariants(@TempDir Path dir, DeltaLake lake) throws Exception {
    List<Object> ids = new ArrayList<>();
    lake.table(ShreddedVariantFiles.everyLayout(dir).toString()).scan().select("id").toList().forEach(r -> ids.add(r.get("id")));

    assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
  }
}
