package io.deltalake4j.arrow.internal.kernel.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column-wise decoder against files parquet-mr writes in every layout it has: data pages v1
 * and v2, with and without dictionaries, small pages (so batches cross page boundaries), nulls in
 * every column, fixed-length binary and both decimal widths. Values come back exactly.
 */
class TestColumnWiseDecoding {

  static final int ROWS = 5_000;

  static final MessageType FILE = MessageTypeParser.parseMessageType("""
      message m {
        required int64 id;
        optional int32 i;
        optional int64 l;
        optional double d;
        optional float f;
        optional binary s (STRING);
        optional binary u (STRING);
        optional fixed_len_byte_array(4) fb;
        optional int64 dec18 (DECIMAL(18, 2));
        optional int32 dec9 (DECIMAL(9, 2));
        optional boolean b;
        optional group st {
          optional int32 x;
          optional binary y (STRING);
        }
      }""");

  static final StructType READ = new StructType()
      .add("id", LongType.LONG, false)
      .add("i", IntegerType.INTEGER)
      .add("l", LongType.LONG)
      .add("d", DoubleType.DOUBLE)
      .add("f", FloatType.FLOAT)
      .add("s", StringType.STRING)
      .add("u", StringType.STRING)
      .add("fb", BinaryType.BINARY)
      .add("dec18", new DecimalType(18, 2))
      .add("dec9", new DecimalType(9, 2))
      .add("b", BooleanType.BOOLEAN)
      .add("st", new StructType().add("x", IntegerType.INTEGER).add("y", StringType.STRING))
      .add("missing", StringType.STRING);

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(WriterVersion.PARQUET_1_0, true),
        Arguments.of(WriterVersion.PARQUET_1_0, false),
        Arguments.of(WriterVersion.PARQUET_2_0, true),
        Arguments.of(WriterVersion.PARQUET_2_0, false));
  }

  @ParameterizedTest(name = "{0}, dictionary {1}")
  @MethodSource("layouts")
  void everyLayoutDecodesToTheValuesWritten(WriterVersion version, boolean dictionary, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.parquet");
    write(file, version, dictionary);
    Configuration conf = new Configuration();
    try (BufferAllocator allocator = new RootAllocator()) {
      ArrowParquetReader reader = new ArrowParquetReader(conf, allocator, 777, (f, s, p) -> {
        throw new AssertionError("the column-wise decoder must take this file");
      });
      FileStatus status = FileStatus.of(file.toUri().toString(), file.toFile().length(), 0);
      int row = 0;
      try (CloseableIterator<ColumnarBatch> batches = reader.read(status, READ, Optional.empty())) {
        while (batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          for (int r = 0; r < batch.getSize(); r++, row++) {
            check(batch, r, row);
          }
        }
      }
      assertThat(row).isEqualTo(ROWS);
    }
  }

  @org.junit.jupiter.api.Test
  void rowGroupsTheFilterRulesOutAreNotRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("groups.parquet");
    write(file, WriterVersion.PARQUET_1_0, true, 16 * 1024);
    io.delta.kernel.expressions.Predicate idBelow100 = new io.delta.kernel.expressions.Predicate(
        "<", new io.delta.kernel.expressions.Column("id"), io.delta.kernel.expressions.Literal.ofLong(100));
    try (BufferAllocator allocator = new RootAllocator()) {
      ArrowParquetReader reader = new ArrowParquetReader(new Configuration(), allocator, 777, (f, s, p) -> {
        throw new AssertionError("the column-wise decoder must take this file");
      });
      FileStatus status = FileStatus.of(file.toUri().toString(), file.toFile().length(), 0);
      long rows = 0;
      long below100 = 0;
      try (CloseableIterator<ColumnarBatch> batches = reader.read(status, READ, Optional.of(idBelow100))) {
        while (batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          for (int r = 0; r < batch.getSize(); r++) {
            rows++;
            below100 += batch.getColumnVector(0).getLong(r) < 100 ? 1 : 0;
          }
        }
      }
      assertThat(below100).isEqualTo(100);
      assertThat(rows).as("only the first row groups are read").isLessThan(ROWS / 2);
    }
  }

  static final MessageType NESTED_FILE = MessageTypeParser.parseMessageType("""
      message m {
        required int64 id;
        optional group ints (LIST) {
          repeated group list {
            optional int32 element;
          }
        }
        optional group grid (LIST) {
          repeated group list {
            optional group element (LIST) {
              repeated group list {
                required binary element (STRING);
              }
            }
          }
        }
        optional group scores (MAP) {
          repeated group key_value {
            required binary key (STRING);
            optional group value {
              optional double v;
              optional group seen (LIST) {
                repeated group list {
                  optional int64 element;
                }
              }
            }
          }
        }
      }""");

  static final StructType NESTED_READ = new StructType()
      .add("id", LongType.LONG, false)
      .add("ints", new ArrayType(IntegerType.INTEGER, true))
      .add("grid", new ArrayType(new ArrayType(StringType.STRING, false), true))
      .add("scores", new MapType(StringType.STRING,
          new StructType().add("v", DoubleType.DOUBLE).add("seen", new ArrayType(LongType.LONG, true))
              .add("absent", StringType.STRING), true));

  @ParameterizedTest(name = "{0}, dictionary {1}")
  @MethodSource("layouts")
  void nestedColumnsAcrossPagesAndRowGroupsDecodeAsKernelsReaderReadsThem(
      WriterVersion version, boolean dictionary, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested.parquet");
    writeNested(file, version, dictionary);
    Configuration conf = new Configuration();
    FileStatus status = FileStatus.of(file.toUri().toString(), file.toFile().length(), 0);
    io.deltalake4j.types.StructType ours = io.deltalake4j.internal.kernel.Schemas.fromKernel(NESTED_READ);
    java.util.List<java.util.List<Object>> expected = new java.util.ArrayList<>();
    try (CloseableIterator<io.delta.kernel.engine.FileReadResult> kernel = io.delta.kernel.defaults.engine.DefaultEngine
        .create(conf).getParquetHandler()
        .readParquetFiles(io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status), NESTED_READ, Optional.empty())) {
      while (kernel.hasNext()) {
        ColumnarBatch batch = kernel.next().getData();
        for (int r = 0; r < batch.getSize(); r++) {
          expected.add(values(batch, r, ours));
        }
      }
    }
    java.util.List<java.util.List<Object>> actual = new java.util.ArrayList<>();
    int groups;
    try (BufferAllocator allocator = new RootAllocator();
        org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      groups = footer.getRowGroups().size();
      ArrowParquetReader reader = new ArrowParquetReader(conf, allocator, 333, (f, s, p) -> {
        throw new AssertionError("the column-wise decoder must take this file");
      });
      try (CloseableIterator<ColumnarBatch> batches = reader.read(status, NESTED_READ, Optional.empty())) {
        while (batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          for (int r = 0; r < batch.getSize(); r++) {
            actual.add(values(batch, r, ours));
          }
        }
      }
    }
    assertThat(groups).as("the file has several row groups").isGreaterThan(2);
    assertThat(actual).hasSize(ROWS).isEqualTo(expected);
    assertThat(actual.stream().filter(row -> row.get(2) != null && ((java.util.List<?>) row.get(2)).size() > 1).count())
        .as("grids with several rows occur").isPositive();
  }

  @org.junit.jupiter.api.Test
  void twoLevelListsAreLeftToKernelsReader() {
    MessageType legacy = MessageTypeParser.parseMessageType("""
        message m {
          optional group ints (LIST) {
            repeated int32 array;
          }
        }""");
    MessageType tuple = MessageTypeParser.parseMessageType("""
        message m {
          optional group ints (LIST) {
            repeated group ints_tuple {
              optional int32 v;
            }
          }
        }""");
    StructType read = new StructType().add("ints", new ArrayType(IntegerType.INTEGER, true));
    assertThat(ColumnPlanner.plan(legacy, read)).isNull();
    assertThat(ColumnPlanner.plan(tuple, read)).isNull();
    assertThat(ColumnPlanner.plan(NESTED_FILE, NESTED_READ)).isNotNull();
  }

  private static java.util.List<Object> values(ColumnarBatch batch, int r, io.deltalake4j.types.StructType schema) {
    java.util.List<Object> row = new java.util.ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      Object v = io.deltalake4j.internal.kernel.ValueReader.read(batch.getColumnVector(c), r, schema.field(c).type());
      row.add(v);
    }
    return row;
  }

  private static void writeNested(Path file, WriterVersion version, boolean dictionary) throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(NESTED_FILE);
    java.util.Random random = new java.util.Random(version.ordinal() * 2L + (dictionary ? 1 : 0));
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(NESTED_FILE).withWriterVersion(version).withDictionaryEncoding(dictionary)
        .withPageSize(1024).withPageRowCountLimit(100).withRowGroupSize(32 * 1024).withConf(new Configuration()).build()) {
      for (int row = 0; row < ROWS; row++) {
        Group g = groups.newGroup().append("id", (long) row);
        if (random.nextInt(6) != 0) {
          Group list = g.addGroup("ints");
          for (int e = random.nextInt(5); e > 0; e--) {
            Group element = list.addGroup("list");
            if (random.nextInt(4) != 0) {
              element.append("element", random.nextInt(100));
            }
          }
        }
        if (random.nextInt(6) != 0) {
          Group grid = g.addGroup("grid");
          for (int e = random.nextInt(4); e > 0; e--) {
            Group element = grid.addGroup("list");
            if (random.nextInt(5) != 0) {
              Group inner = element.addGroup("element");
              for (int x = random.nextInt(4); x > 0; x--) {
                inner.addGroup("list").append("element", "c" + random.nextInt(20));
              }
            }
          }
        }
        if (random.nextInt(6) != 0) {
          Group map = g.addGroup("scores");
          for (int e = random.nextInt(4); e > 0; e--) {
            Group entry = map.addGroup("key_value").append("key", "k" + e);
            if (random.nextInt(5) != 0) {
              Group value = entry.addGroup("value");
              if (random.nextBoolean()) {
                value.append("v", random.nextDouble());
              }
              if (random.nextInt(4) != 0) {
                Group seen = value.addGroup("seen");
                for (int x = random.nextInt(3); x > 0; x--) {
                  Group element = seen.addGroup("list");
                  if (random.nextBoolean()) {
                    element.append("element", random.nextLong());
                  }
                }
              }
            }
          }
        }
        writer.write(g);
      }
    }
  }

  private static void check(ColumnarBatch batch, int r, int row) {
    boolean nul = row % 7 == 3;
    assertThat(batch.getColumnVector(0).getLong(r)).isEqualTo(row);
    for (int c = 1; c <= 10; c++) {
      assertThat(batch.getColumnVector(c).isNullAt(r)).as("column %d row %d", c, row).isEqualTo(nul);
    }
    ColumnVector st = batch.getColumnVector(11);
    assertThat(st.isNullAt(r)).isEqualTo(row % 11 == 5);
    assertThat(batch.getColumnVector(12).isNullAt(r)).isTrue();
    if (!st.isNullAt(r)) {
      assertThat(st.getChild(0).isNullAt(r)).isEqualTo(row % 2 == 0);
      if (row % 2 != 0) {
        assertThat(st.getChild(0).getInt(r)).isEqualTo(-row);
      }
      assertThat(st.getChild(1).getString(r)).isEqualTo("y" + (row % 3));
    }
    if (nul) {
      return;
    }
    assertThat(batch.getColumnVector(1).getInt(r)).isEqualTo(row * 3);
    assertThat(batch.getColumnVector(2).getLong(r)).isEqualTo(row * 1_000_000_007L);
    assertThat(batch.getColumnVector(3).getDouble(r)).isEqualTo(row / 8.0);
    assertThat(batch.getColumnVector(4).getFloat(r)).isEqualTo(row / 4.0f);
    assertThat(batch.getColumnVector(5).getString(r)).isEqualTo("v" + (row % 10));
    assertThat(batch.getColumnVector(6).getString(r)).isEqualTo("unique-ü-" + row);
    assertThat(batch.getColumnVector(7).getBinary(r)).isEqualTo(fixed(row));
    assertThat(batch.getColumnVector(8).getDecimal(r)).isEqualTo(BigDecimal.valueOf(row * 101L - 250_000, 2));
    assertThat(batch.getColumnVector(9).getDecimal(r)).isEqualTo(BigDecimal.valueOf(row * 7L - 9_999, 2));
    assertThat(batch.getColumnVector(10).getBoolean(r)).isEqualTo(row % 2 == 0);
  }

  private static byte[] fixed(int row) {
    return new byte[] {(byte) row, (byte) (row >> 8), 0, (byte) 255};
  }

  private static void write(Path file, WriterVersion version, boolean dictionary) throws Exception {
    write(file, version, dictionary, 128 * 1024 * 1024);
  }

  private static void write(Path file, WriterVersion version, boolean dictionary, int rowGroupBytes) throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(FILE).withWriterVersion(version).withDictionaryEncoding(dictionary)
        .withPageSize(1024).withPageRowCountLimit(300).withRowGroupSize(rowGroupBytes).withConf(new Configuration()).build()) {
      for (int row = 0; row < ROWS; row++) {
        Group g = groups.newGroup().append("id", (long) row);
        if (row % 7 != 3) {
          g.append("i", row * 3).append("l", row * 1_000_000_007L).append("d", row / 8.0).append("f", row / 4.0f)
              .append("s", "v" + (row % 10)).append("u", "unique-ü-" + row)
              .append("fb", Binary.fromConstantByteArray(fixed(row)))
              .append("dec18", row * 101L - 250_000).append("dec9", row * 7 - 9_999).append("b", row % 2 == 0);
        }
        if (row % 11 != 5) {
          Group st = g.addGroup("st");
          if (row % 2 != 0) {
            st.append("x", -row);
          }
          st.append("y", Binary.fromString("y" + (row % 3)));
        }
        writer.write(g);
      }
    }
  }
}
