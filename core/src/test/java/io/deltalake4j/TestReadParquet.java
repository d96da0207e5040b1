package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DeltaLake.readParquet: plain Parquet files as rows, types from the footer, on local disk and HDFS. */
@ExtendWith({Storages.class, LocalLake.class})
class TestReadParquet {

  /**
   * Kernel's writer stores byte and short columns as INT32 without the INTEGER(8|16) annotation, so
   * the file itself says int for them (Spark reads such a file the same way).
   */
  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void readsTheDataFileOfATableWithItsSchemaAndValues(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("parquet-source");
    lake.create(path).schema(TestAllTypes.SCHEMA).rows(TestAllTypes.rows()).commit();
    List<FileStatus> files = TestReadWrite.parquetFiles(path);
    assertThat(files).hasSize(1);

    List<Row> rows = new ArrayList<>();
    try (RowIterator it = lake.readParquet(files.get(0).getPath().toString())) {
      it.forEachRemaining(rows::add);
      assertThat(it.schema()).isEqualTo(withIntegers(TestAllTypes.SCHEMA));
      assertThat(it.metrics()).isEqualTo(new ScanMetrics(-1, 1, 0, 0, 1, files.get(0).getLen(), 4, 4));
    }

    StructType fileSchema = withIntegers(TestAllTypes.SCHEMA);
    List<Row> expected = lake.table(path).scan().toList().stream().map(row -> {
      Map<String, Object> m = new LinkedHashMap<>(row.toMap());
      m.computeIfPresent("i8", (k, v) -> ((Number) v).intValue());
      m.computeIfPresent("i16", (k, v) -> ((Number) v).intValue());
      return Row.fromMap(fileSchema, m);
    }).toList();
    assertThat(rows).isEqualTo(expected);
    assertThat(rows.get(0).getInt("i8")).isEqualTo(-128);
    assertThat(rows.get(0).getBinary("bin")).containsExactly(0, 1, 255);
  }

  private static StructType withIntegers(StructType s) {
    return StructType.of(s.fields().stream()
        .map(f -> f.type() == PrimitiveType.BYTE || f.type() == PrimitiveType.SHORT
            ? new StructField(f.name(), PrimitiveType.INT, f.nullable()) : f)
        .toList());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void dataFilesOfAPartitionedTableHoldNoPartitionColumn(StorageUnderTest storage, DeltaLake lake) throws Exception {
    StructType schema = StructType.builder().add("id", PrimitiveType.LONG).add("region", PrimitiveType.STRING).build();
    String path = storage.newTablePath("parquet-partitioned");
    lake.create(path).schema(schema).partitionBy("region").rows(List.of(Row.of(schema, 1L, "eu"), Row.of(schema, 2L, "eu"))).commit();

    try (RowIterator it = lake.readParquet(TestReadWrite.parquetFiles(path).get(0).getPath().toString())) {
      assertThat(it.schema()).isEqualTo(StructType.of(StructField.of("id", PrimitiveType.LONG)));
      assertThat(it.stream().map(r -> r.getLong("id")).toList()).containsExactly(1L, 2L);
    }
  }

  static final MessageType LEGACY = MessageTypeParser.parseMessageType("message spark_schema {\n"
      + "  required int32 id;\n"
      + "  optional int96 ts96;\n"
      + "  optional int64 ts_millis (TIMESTAMP(MILLIS,true));\n"
      + "  optional int64 ntz_micros (TIMESTAMP(MICROS,false));\n"
      + "  optional int32 i8 (INTEGER(8,true));\n"
      + "  optional int32 i16 (INTEGER(16,true));\n"
      + "  optional int64 i64 (INTEGER(64,true));\n"
      + "  optional int32 day (DATE);\n"
      + "  optional int32 dec_int (DECIMAL(5,2));\n"
      + "  optional int64 dec_long (DECIMAL(15,3));\n"
      + "  optional fixed_len_byte_array(16) dec_fixed (DECIMAL(38,10));\n"
      + "  optional binary dec_binary (DECIMAL(20,2));\n"
      + "  optional binary color (ENUM);\n"
      + "  optional binary raw;\n"
      + "  optional fixed_len_byte_array(4) raw4;\n"
      + "  optional group three_level (LIST) { repeated group list { optional binary element (STRING); } }\n"
      + "  optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }\n"
      + "  optional group address { optional binary city (STRING); required int32 zip; }\n"
      + "}");

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void readsFilesOfOtherWritersInt96MillisAndLegacyShapes(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String file = storage.newTablePath("legacy") + ".parquet";
    SimpleGroupFactory groups = new SimpleGroupFactory(LEGACY);
    Group full = groups.newGroup()
        .append("id", 1)
        .append("ts96", new NanoTime(2440588 + 1, 3_600_000_000_123L)) // 1970-01-02T01:00:00.000000123
        .append("ts_millis", 1_700_000_000_123L)
        .append("ntz_micros", 1_000_001L)
        .append("i8", -5)
        .append("i16", 300)
        .append("i64", Long.MIN_VALUE)
        .append("day", 19_000)
        .append("dec_int", 12345)
        .append("dec_long", -123_456_789_012L)
        .append("dec_fixed", Binary.fromConstantByteArray(fixed(new BigInteger("-123456789012345678901234567890"), 16)))
        .append("dec_binary", Binary.fromConstantByteArray(new BigInteger("12345678901234567").toByteArray()))
        .append("color", "RED")
        .append("raw", Binary.fromConstantByteArray(new byte[] {9, 8}))
        .append("raw4", Binary.fromConstantByteArray(new byte[] {1, 2, 3, 4}));
    Group three = full.addGroup("three_level");
    three.addGroup("list").append("element", "a");
    three.addGroup("list");
    full.addGroup("m").addGroup("key_value").append("key", "k").append("value", 42L);
    full.addGroup("address").append("city", "Oslo").append("zip", 150);
    Group sparse = groups.newGroup().append("id", 2);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file))
        .withConf(new Configuration()).withType(LEGACY).build()) {
      writer.write(full);
      writer.write(sparse);
    }

    List<Row> rows;
    StructType schema;
    try (RowIterator it = lake.readParquet(file)) {
      schema = it.schema();
      rows = it.stream().toList();
    }

    assertThat(schema).isEqualTo(StructType.builder()
        .addRequired("id", PrimitiveType.INT)
        .add("ts96", PrimitiveType.TIMESTAMP)
        .add("ts_millis", PrimitiveType.TIMESTAMP)
        .add("ntz_micros", PrimitiveType.TIMESTAMP_NTZ)
        .add("i8", PrimitiveType.BYTE)
        .add("i16", PrimitiveType.SHORT)
        .add("i64", PrimitiveType.LONG)
        .add("day", PrimitiveType.DATE)
        .add("dec_int", Types.decimal(5, 2))
        .add("dec_long", Types.decimal(15, 3))
        .add("dec_fixed", Types.decimal(38, 10))
        .add("dec_binary", Types.decimal(20, 2))
        .add("color", PrimitiveType.STRING)
        .add("raw", PrimitiveType.BINARY)
        .add("raw4", PrimitiveType.BINARY)
        .add("three_level", ArrayType.of(PrimitiveType.STRING))
        .add("m", MapType.of(PrimitiveType.STRING, PrimitiveType.LONG))
        .add("address", StructType.builder().add("city", PrimitiveType.STRING).addRequired("zip", PrimitiveType.INT).build())
        .build());
    Row r = rows.get(0);
    assertThat(r.getTimestamp("ts96")).isEqualTo(Instant.parse("1970-01-02T01:00:00Z"));
    assertThat(r.getTimestamp("ts_millis")).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
    assertThat(r.getTimestampNtz("ntz_micros")).isEqualTo(LocalDateTime.parse("1970-01-01T00:00:01.000001"));
    assertThat(r.getByte("i8")).isEqualTo((byte) -5);
    assertThat(r.getShort("i16")).isEqualTo((short) 300);
    assertThat(r.getLong("i64")).isEqualTo(Long.MIN_VALUE);
    assertThat(r.getDate("day")).isEqualTo(LocalDate.ofEpochDay(19_000));
    assertThat(r.getDecimal("dec_int")).isEqualTo(new BigDecimal("123.45"));
    assertThat(r.getDecimal("dec_long")).isEqualTo(new BigDecimal("-123456789.012"));
    assertThat(r.getDecimal("dec_fixed")).isEqualTo(new BigDecimal("-12345678901234567890.1234567890"));
    assertThat(r.getDecimal("dec_binary")).isEqualTo(new BigDecimal("123456789012345.67"));
    assertThat(r.getString("color")).isEqualTo("RED");
    assertThat(r.getBinary("raw")).containsExactly(9, 8);
    assertThat(r.getBinary("raw4")).containsExactly(1, 2, 3, 4);
    assertThat(r.<String>getList("three_level")).containsExactly("a", null);
    assertThat(r.<String, Long>getMap("m")).containsExactly(Map.entry("k", 42L));
    assertThat(r.getStruct("address").toMap()).isEqualTo(Map.of("city", "Oslo", "zip", 150));
    assertThat(rows.get(1).toMap()).containsEntry("id", 2).allSatisfy((k, v) -> {
      if (!k.equals("id")) {
        assertThat(v).as(k).isNull();
      }
    });
  }

  /** Big-endian two's complement, sign-extended to {@code width} bytes. */
  private static byte[] fixed(BigInteger unscaled, int width) {
    byte[] raw = unscaled.toByteArray();
    byte[] out = new byte[width];
    Arrays.fill(out, unscaled.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(raw, 0, out, width - raw.length, raw.length);
    return out;
  }

  @Test
  void columnsWithoutADeltaTypeAreNamed(@TempDir Path dir, DeltaLake lake) throws Exception {
    assertUnsupported(lake, dir, "message m { required int32 id; optional int32 n (INTEGER(32,false)); }",
        "Cannot read column 'n' of Parquet file ", "its Parquet type INT32 INTEGER(32,false) has no Delta type. "
            + "Rewrite the file without it, or convert the column to a supported type first.");
    assertUnsupported(lake, dir, "message m { optional group s { repeated int32 legacy; } }",
        "Cannot read column 's.legacy' of Parquet file ", "it is a repeated field outside a LIST or MAP group");
    assertUnsupported(lake, dir, "message m { optional int64 t (TIMESTAMP(NANOS,true)); }",
        "Cannot read column 't' of Parquet file ", "TIMESTAMP(NANOS,true) has no Delta type");
    assertUnsupported(lake, dir, "message m { optional group l (LIST) { repeated group pair { optional int32 a; optional int32 b; } } }",
        "Cannot read column 'l' of Parquet file ", "repeats a group of 2 fields (a legacy two-level list of structs)");
    assertUnsupported(lake, dir, "message m { optional group l (LIST) { repeated int32 element; } }",
        "Cannot read column 'l' of Parquet file ", "its LIST group repeats the element itself (repeated int32 element)");
  }

  private static void assertUnsupported(DeltaLake lake, Path dir, String schema, String start, String reason) throws Exception {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Path file = dir.resolve("f" + System.nanoTime() + ".parquet");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withConf(new Configuration()).withType(type).build()) {
      // an empty file: the footer is all that matters
    }
    assertThatThrownBy(() -> lake.readParquet(file.toString()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageStartingWith(start)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining(reason);
  }

  @Test
  void missingFilesDirectoriesAndOtherFilesAreRefusedClearly(@TempDir Path dir, DeltaLake lake) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.parquet"), "not parquet at all, just text");

    assertThatThrownBy(() -> lake.readParquet(dir.resolve("nope.parquet").toString()))
        .isInstanceOf(DeltaIOException.class)
        .hasMessageMatching("Cannot read Parquet file file:.*/nope\\.parquet: it does not exist\\. Check the path\\.");
    assertThatThrownBy(() -> lake.readParquet(dir.toString()))
        .isInstanceOf(DeltaIOException.class)
        .hasMessageContaining("it is a directory. Give the path of one .parquet file");
    assertThatThrownBy(() -> lake.readParquet(text.toString()))
        .isInstanceOf(DeltaIOException.class)
        .hasMessageContaining("notes.parquet: it is not a readable Parquet file (")
        .hasMessageEndingWith("Check that it is Parquet and not damaged.");
  }

  @Test
  void closingEarlyAndTwiceIsHarmless(@TempDir Path dir, DeltaLake lake) throws Exception {
    String path = dir.resolve("t").toString();
    lake.create(path).schema(TestAllTypes.SCHEMA).rows(TestAllTypes.rows()).commit();
    RowIterator it = lake.readParquet(TestReadWrite.parquetFiles(path).get(0).getPath().toString());
    assertThat(it.next().getInt("id")).isEqualTo(1);

    it.close();
    it.close();

    assertThat(it.hasNext()).isFalse();
  }
}
