package io.deltalake4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Delta tables of hand-built Parquet files that keep variants shredded (Parquet's
 * VariantShredding.md), written with parquet-mr's example writer under a hand-written log whose
 * protocol has the variantType and variantShredding-preview features; and variant encodings built
 * byte by byte to put in them.
 */
public final class ShreddedVariantFiles {
  private ShreddedVariantFiles() {}

  /** A protocol with the variant features, reader version 3 and writer version 7. */
  public static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
      + "\"readerFeatures\":[\"variantType\",\"variantShredding-preview\"],"
      + "\"writerFeatures\":[\"variantType\",\"variantShredding-preview\"]}}";

  /**
   * Writes version 0 of a table at {@code table}: columns {@code id} (int) and {@code variants}
   * (variant), one data file of the Parquet {@code parquetSchema} whose records {@code rows} fills.
   */
  public static void table(Path table, List<String> variants, String parquetSchema, List<Consumer<Group>> rows)
      throws IOException {
    List<String> fields = new ArrayList<>();
    for (String v : variants) {
      fields.add(HandWrittenLog.field(v, "variant"));
    }
    tableOfFields(table, fields, parquetSchema, rows);
  }

  /**
   * Like {@link #table}, the columns after {@code id} given as Delta schema JSON fields, for
   * variants inside structs and arrays.
   */
  public static void tableOfFields(Path table, List<String> fieldsJson, String parquetSchema, List<Consumer<Group>> rows)
      throws IOException {
    Files.createDirectories(table);
    MessageType schema = MessageTypeParser.parseMessageType(parquetSchema);
    Path file = table.resolve("part-00000.parquet");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(schema).withConf(new Configuration()).build()) {
      for (Consumer<Group> row : rows) {
        Group g = new SimpleGroup(schema);
        row.accept(g);
        writer.write(g);
      }
    }
    StringBuilder fields = new StringBuilder(HandWrittenLog.field("id", "integer"));
    for (String f : fieldsJson) {
      fields.append(',').append(f);
    }
    String schemaString = "{\"type\":\"struct\",\"fields\":[" + fields + "]}";
    String metaData = "{\"metaData\":{\"id\":\"shredded\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"schemaString\":\"" + schemaString.replace("\"", "\\\"") + "\",\"partitionColumns\":[],"
        + "\"configuration\":{},\"createdTime\":1700000000000}}";
    String add = "{\"add\":{\"path\":\"part-00000.parquet\",\"partitionValues\":{},\"size\":" + Files.size(file)
        + ",\"modificationTime\":1700000000000,\"dataChange\":true}}";
    HandWrittenLog.at(table).commit(0, PROTOCOL, metaData, add, HandWrittenLog.commitInfo("WRITE", 1_700_000_000_000L));
  }

  /** Variant metadata of these keys, in this order (sorted if they are), 1-byte offsets. */
  public static byte[] metadata(String... keys) {
    ByteArrayOutputStream strings = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean sorted = true;
    for (int i = 1; i < keys.length; i++) {
      sorted &= keys[i - 1].compareTo(keys[i]) < 0;
    }
    out.write(0x01 | (sorted ? 0x10 : 0));
    out.write(keys.length);
    out.write(0);
    for (String k : keys) {
      strings.writeBytes(k.getBytes(StandardCharsets.UTF_8));
      out.write(strings.size());
    }
    out.writeBytes(strings.toByteArray());
    return out.toByteArray();
  }

  /** A short string value. */
  public static byte[] string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[1 + utf8.length];
    out[0] = (byte) (1 | utf8.length << 2);
    System.arraycopy(utf8, 0, out, 1, utf8.length);
    return out;
  }

  /** An int8 value. */
  public static byte[] int8(int v) {
    return new byte[] {3 << 2, (byte) v};
  }

  /** The variant null. */
  public static byte[] variantNull() {
    return new byte[] {0};
  }

  /** An object of one field, key id {@code id}, holding {@code value}: 1-byte ids and offsets. */
  public static byte[] object(int id, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(2);
    out.write(1);
    out.write(id);
    out.write(0);
    out.write(value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** The keys of every object below, sorted. */
  public static final String[] KEYS = {"b", "bin", "d", "date", "dec16", "dec4", "dec8", "email", "f", "i16", "i32", "i64",
      "i8", "list", "obj", "s", "time", "ts", "tsn", "tsnntz", "tsntz", "u", "x"};

  public static final String SCHEMA = "message spark_schema {\n"
      + "  optional int32 id;\n"
      + "  optional group v {\n"
      + "    required binary metadata;\n"
      + "    optional binary value;\n"
      + "    optional group typed_value {\n"
      + field("b", "boolean")
      + field("bin", "binary")
      + field("d", "double")
      + field("date", "int32", "DATE")
      + field("dec16", "fixed_len_byte_array(16)", "DECIMAL(38,5)")
      + field("dec4", "int32", "DECIMAL(9,2)")
      + field("dec8", "int64", "DECIMAL(18,3)")
      + field("f", "float")
      + field("i16", "int32", "INTEGER(16,true)")
      + field("i32", "int32")
      + field("i64", "int64")
      + field("i8", "int32", "INTEGER(8,true)")
      + "      required group list { optional binary value; optional group typed_value (LIST) {\n"
      + "        repeated group list { required group element { optional binary value; optional int32 typed_value; } } } }\n"
      + "      required group obj { optional binary value; optional group typed_value {\n"
      + "        required group x { optional binary value; optional binary typed_value (STRING); } } }\n"
      + field("s", "binary", "STRING")
      + field("time", "int64", "TIME(MICROS,false)")
      + field("ts", "int64", "TIMESTAMP(MICROS,true)")
      + field("tsn", "int64", "TIMESTAMP(NANOS,true)")
      + field("tsnntz", "int64", "TIMESTAMP(NANOS,false)")
      + field("tsntz", "int64", "TIMESTAMP(MICROS,false)")
      + field("u", "fixed_len_byte_array(16)", "UUID")
      + "    }\n"
      + "  }\n"
      + "  optional group n {\n"
      + "    required binary metadata;\n"
      + "    optional binary value;\n"
      + "    optional int64 typed_value;\n"
      + "  }\n"
      + "}";

  private static String field(String name, String type, String... annotation) {
    return "      required group " + name + " { optional binary value; optional " + type + " typed_value"
        + (annotation.length == 0 ? "" : " (" + annotation[0] + ")") + "; }\n";
  }

  public static final byte[] MD = metadata(KEYS);
  public static final byte[] EMPTY = metadata();

  public static int id(String key) {
    return List.of(KEYS).indexOf(key);
  }

  private static Binary bin(byte[] b) {
    return Binary.fromConstantByteArray(b);
  }

  private static Binary sixteen(BigInteger unscaled) {
    byte[] raw = unscaled.toByteArray();
    byte[] out = new byte[16];
    byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
    for (int i = 0; i < 16; i++) {
      int from = raw.length - 16 + i;
      out[i] = from >= 0 ? raw[from] : fill;
    }
    return bin(out);
  }

  private static Group typed(Group row) {
    Group v = row.addGroup("v");
    v.add("metadata", bin(MD));
    return v.addGroup("typed_value");
  }

  /** The object fields of {@code typed} not set otherwise, all missing (empty groups). */
  private static void missingFieldsBut(Group typed, String... present) {
    for (String k : KEYS) {
      if (!List.of(present).contains(k) && !k.equals("email") && !k.equals("x")) {
        typed.addGroup(k);
      }
    }
  }

  /**
   * A table of one file that shreds its variants every way the spec allows, column {@code v} as
   * an object of every primitive type (plus an array and a nested object), column {@code n} as a
   * bigint: rows 1 to 6, each commented with what it holds.
   */
  public static Path everyLayout(Path dir) throws IOException {
    List<Consumer<Group>> rows = new ArrayList<>();
    // 1: every field shredded; n shredded as a bigint
    rows.add(r -> {
      r.add("id", 1);
      Group t = typed(r);
      t.addGroup("b").add("typed_value", true);
      t.addGroup("bin").add("typed_value", bin(new byte[] {0, (byte) 0xFF, 0x10}));
      t.addGroup("d").add("typed_value", 1.25d);
      t.addGroup("date").add("typed_value", (int) LocalDate.of(2024, 9, 9).toEpochDay());
      t.addGroup("dec16").add("typed_value", sixteen(new BigInteger("-10000000000000000000000001")));
      t.addGroup("dec4").add("typed_value", 12345);
      t.addGroup("dec8").add("typed_value", -1500L);
      t.addGroup("f").add("typed_value", 0.5f);
      t.addGroup("i16").add("typed_value", -300);
      t.addGroup("i32").add("typed_value", 70_000);
      t.addGroup("i64").add("typed_value", 1_234_567_890_123L);
      t.addGroup("i8").add("typed_value", -5);
      Group list = t.addGroup("list").addGroup("typed_value");
      list.addGroup("list").addGroup("element").add("typed_value", 1);
      list.addGroup("list").addGroup("element").add("typed_value", 2);
      t.addGroup("obj").addGroup("typed_value").addGroup("x").add("typed_value", "nested");
      t.addGroup("s").add("typed_value", "héllo \"quoted\"");
      t.addGroup("time").add("typed_value", LocalTime.of(10, 30, 0, 500_000_000).toNanoOfDay() / 1000);
      t.addGroup("ts").add("typed_value", 1_725_877_800_123_456L);
      t.addGroup("tsn").add("typed_value", 1_725_877_800_123_456_789L);
      t.addGroup("tsnntz").add("typed_value", 1_725_877_800_000_000_001L);
      t.addGroup("tsntz").add("typed_value", 1_725_877_800_500_000L);
      UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      t.addGroup("u").add("typed_value", bin(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits()).array()));
      Group n = r.addGroup("n");
      n.add("metadata", bin(EMPTY));
      n.add("typed_value", 34L);
    });
    // 2: partially shredded: i8 shredded, "email" left in value; n is a variant null in value
    rows.add(r -> {
      r.add("id", 2);
      Group t = typed(r);
      t.addGroup("i8").add("typed_value", 7);
      missingFieldsBut(t, "i8");
      r.getGroup("v", 0).add("value", bin(object(id("email"), string("user@example.com"))));
      Group n = r.addGroup("n");
      n.add("metadata", bin(EMPTY));
      n.add("value", bin(variantNull()));
    });
    // 3: not an object: typed_value null, the value a string; n a string that is not a bigint
    rows.add(r -> {
      r.add("id", 3);
      Group v = r.addGroup("v");
      v.add("metadata", bin(MD));
      v.add("value", bin(string("not an object")));
      Group n = r.addGroup("n");
      n.add("metadata", bin(EMPTY));
      n.add("value", bin(string("n/a")));
    });
    // 4: an object with every shredded field missing; n missing (neither value nor typed_value)
    rows.add(r -> {
      r.add("id", 4);
      missingFieldsBut(typed(r));
      r.addGroup("n").add("metadata", bin(EMPTY));
    });
    // 5: both variants SQL NULL
    rows.add(r -> r.add("id", 5));
    // 6: fields present but not of their shredded type (a null, an int8 where a string was shredded),
    //    an array with an element that is not an int and a null element, a nested object with x in value
    rows.add(r -> {
      r.add("id", 6);
      Group t = typed(r);
      t.addGroup("b").add("value", bin(variantNull()));
      t.addGroup("s").add("value", bin(int8(7)));
      Group list = t.addGroup("list").addGroup("typed_value");
      list.addGroup("list").addGroup("element").add("typed_value", 1);
      list.addGroup("list").addGroup("element").add("value", bin(string("q")));
      list.addGroup("list").addGroup("element").add("value", bin(variantNull()));
      t.addGroup("obj").add("value", bin(string("not an object either")));
      missingFieldsBut(t, "b", "s", "list", "obj");
      Group n = r.addGroup("n");
      n.add("metadata", bin(EMPTY));
      n.add("typed_value", -1L);
    });
    Path table = dir.resolve("shredded");
    table(table, List.of("v", "n"), SCHEMA, rows);
    return table;
  }


  /** A table of one file whose variant column {@code v} is not shredded: an object, a string, a variant null, a SQL NULL. */
  public static Path unshredded(Path dir) throws IOException {
    byte[] md = metadata("email");
    List<Consumer<Group>> rows = new ArrayList<>();
    List<byte[]> values = java.util.Arrays.asList(object(0, string("user@example.com")), string("text"), variantNull(), null);
    for (int i = 0; i < values.size(); i++) {
      int id = i + 1;
      byte[] value = values.get(i);
      rows.add(r -> {
        r.add("id", id);
        if (value != null) {
          Group v = r.addGroup("v");
          v.add("metadata", bin(md));
          v.add("value", bin(value));
        }
      });
    }
    Path table = dir.resolve("unshredded");
    table(table, List.of("v"), "message m { optional int32 id; optional group v { required binary metadata; "
        + "optional binary value; } }", rows);
    return table;
  }
}
