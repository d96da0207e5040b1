package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.exceptions.VersionNotFoundException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails with a typed exception whose message names the thing, and changes nothing. */
class TestErrors {

  @TempDir static Path dir;
  static DeltaLake lake;
  static SalesFixture sales;

  @BeforeAll
  static void createTable() {
    lake = DeltaLake.local();
    sales = SalesFixture.create(lake, dir.resolve("sales").toString(), 1_000, 100);
  }

  @AfterAll
  static void close() {
    lake.close();
  }

  @Test
  void missingPathIsTableNotFound() {
    String missing = dir.resolve("nope").toString();
    assertThatThrownBy(() -> lake.table(missing))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("does not exist");
  }

  @Test
  void directoryWithoutLogIsNotADeltaTable() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("data.csv"), "a,b\n");
    assertThatThrownBy(() -> lake.table(plain.toString()))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("plain")
        .hasMessageContaining("not a Delta table");
  }

  @Test
  void versionOutOfRangeNamesTheLatestVersion() {
    assertThatThrownBy(() -> sales.table.asOfVersion(5))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("version 5")
        .hasMessageContaining("latest version is 1");
    assertThatThrownBy(() -> sales.table.scan().asOfVersion(-1).count())
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("version -1");
  }

  @Test
  void timestampBeforeTheFirstCommitIsOutOfRange() {
    assertThatThrownBy(() -> sales.table.asOfTimestamp(Instant.parse("2000-01-01T00:00:00Z")))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("timestamp 2000-01-01T00:00:00Z");
    assertThatThrownBy(() -> sales.table.asOfTimestamp(Instant.now().plusSeconds(3600)))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("after the latest");
  }

  @Test
  void unknownColumnInSelectOrFilterIsNamed() {
    assertThatThrownBy(() -> sales.table.scan().select("prise").count())
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("'prise'")
        .hasMessageContaining("price");
    assertThatThrownBy(() -> sales.table.scan().where("regoin = 'x'").count())
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("regoin");
  }

  @Test
  void literalOfTheWrongTypeIsRejected() {
    assertThatThrownBy(() -> sales.table.scan().where("price >= 'cheap'").count())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("price")
        .hasMessageContaining("decimal(10,2)");
    assertThatThrownBy(() -> sales.table.scan().where("quantity = 2.5").count())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("quantity");
  }

  @Test
  void filterThatDoesNotParseGivesThePosition() {
    assertThatThrownBy(() -> sales.table.scan().where("region = 'us-east' AND AND month = 1"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("position 23")
        .satisfies(e -> assertThat(((InvalidFilterException) e).position()).hasValue(23));
  }

  @Test
  void unsupportedReaderFeatureIsNamed() throws Exception {
    Path table = Files.createDirectories(dir.resolve("future/_delta_log")).getParent();
    String log = String.join("\n",
        "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,\"readerFeatures\":[\"quantumCompression\"],\"writerFeatures\":[\"quantumCompression\"]}}",
        "{\"metaData\":{\"id\":\"x\",\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":"
            + "\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"integer\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}\","
            + "\"partitionColumns\":[],\"configuration\":{},\"createdTime\":1}}",
        "");
    Files.writeString(table.resolve("_delta_log/00000000000000000000.json"), log, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> lake.table(table.toString()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("quantumCompression");
  }

  @Test
  void appendWithTheWrongSchemaWritesNothing() throws Exception {
    StructType other = StructType.builder().add("transaction_id", PrimitiveType.LONG).add("note", PrimitiveType.STRING).build();
    long filesBefore = TestReadWrite.parquetFiles(sales.table.location()).size();
    assertThatThrownBy(() -> sales.table.append().rows(List.of(Row.of(other, 1L, "x"))).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("note string")
        .hasMessageContaining("DeltaTable.schema()");
    assertThat(sales.table.refresh().version()).isEqualTo(1);
    assertThat(TestReadWrite.parquetFiles(sales.table.location())).hasSize((int) filesBefore);
  }

  @Test
  void badRowLateInTheInputLeavesNoFilesBehind() throws Exception {
    long filesBefore = TestReadWrite.parquetFiles(sales.table.location()).size();
    Iterable<Map<String, ?>> maps = () -> Stream.<Map<String, ?>>concat(
            Stream.of(Map.of("transaction_id", 1L, "region", "us-east", "year", 2024, "month", 1)),
            Stream.of(Map.of("transaction_id", "not a number")))
        .iterator();
    assertThatThrownBy(() -> sales.table.append().maps(maps).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("transaction_id")
        .hasMessageContaining("bigint");
    assertThat(sales.table.refresh().version()).isEqualTo(1);
    assertThat(TestReadWrite.parquetFiles(sales.table.location())).hasSize((int) filesBefore);
  }

  @Test
  void nullIntoANotNullColumnIsRefusedWithTheColumnNamed() {
    StructType schema = StructType.builder().addRequired("id", PrimitiveType.LONG).add("v", PrimitiveType.STRING).build();
    assertThatThrownBy(() -> Row.of(schema, null, "x"))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("NOT NULL");
  }

  @Test
  void valueThatDoesNotFitItsDecimalIsRefused() {
    assertThatThrownBy(() -> Row.fromMap(SalesData.SCHEMA, Map.of("price", new BigDecimal("1.234"))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("price")
        .hasMessageContaining("decimal places");
    assertThatThrownBy(() -> Row.fromMap(SalesData.SCHEMA, Map.of("sale_date", "2024-01-01")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("sale_date")
        .hasMessageContaining("LocalDate");
  }

  @Test
  void creatingOverAnExistingTableFails() {
    assertThatThrownBy(() -> lake.create(sales.table.location()).schema(SalesData.SCHEMA).commit())
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining(sales.table.location());
  }

  @Test
  void partitionColumnMustBeInTheSchema() {
    assertThatThrownBy(() -> lake.create(dir.resolve("bad").toString()).schema(SalesData.SCHEMA).partitionBy("country").commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'country'");
    assertThat(Files.exists(dir.resolve("bad/_delta_log"))).isFalse();
  }

  @Test
  void datesAndTimestampsOutsideTheDeltaRangeAreRefused() {
    StructType schema = StructType.builder().add("d", PrimitiveType.DATE).add("t", PrimitiveType.TIMESTAMP).build();
    assertThatThrownBy(() -> Row.of(schema, java.time.LocalDate.of(10_000, 1, 1), null))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'d'")
        .hasMessageContaining("from year 0001 to year 9999");
    assertThatThrownBy(() -> Row.of(schema, null, Instant.parse("-0001-12-31T00:00:00Z")))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'t'");
    assertThatThrownBy(() -> sales.table.scan().where(io.deltalake4j.filter.Filter.col("sale_date")
            .lt(java.time.LocalDate.of(6_000_000, 1, 1))).count())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("sale_date")
        .hasMessageContaining("from year 0001 to year 9999");
  }

  @Test
  void rowsOfAnotherRowImplementationAreCheckedBeforeAnythingIsWritten() throws Exception {
    long filesBefore = TestReadWrite.parquetFiles(sales.table.location()).size();
    Row foreign = new Row() {
      @Override
      public StructType schema() {
        return SalesData.SCHEMA;
      }

      @Override
      public Object get(int index) {
        return index == 0 ? "not a long" : null;
      }
    };

    assertThatThrownBy(() -> sales.table.append().rows(List.of(foreign)).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("transaction_id")
        .hasMessageContaining("bigint");
    assertThat(sales.table.refresh().version()).isEqualTo(1);
    assertThat(TestReadWrite.parquetFiles(sales.table.location())).hasSize((int) filesBefore);
  }

  @Test
  void writingRowsIntoAColumnMappedTableIsRefusedUpFront() {
    String path = dir.resolve("column-mapped").toString();
    Map<String, String> cm = Map.of("delta.columnMapping.mode", "name");
    assertThatThrownBy(() -> lake.create(path).schema(SalesData.SCHEMA).properties(cm).rows(SalesData.rows(1)).commit())
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("column mapping (mode 'name')");
    assertThat(Files.exists(dir.resolve("column-mapped/_delta_log"))).isFalse();

    lake.create(path).schema(SalesData.SCHEMA).properties(cm).commit();
    assertThatThrownBy(() -> lake.table(path).append().rows(SalesData.rows(1)).commit())
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("column mapping (mode 'name')")
        .hasMessageContaining("Write with Spark");
    assertThat(lake.table(path).version()).isZero();
  }

  @Test
  void partitionColumnNamesThatWouldBreakDirectoryNamesAreRefused() {
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).add("../x", PrimitiveType.STRING).build();
    assertThatThrownBy(() -> lake.create(dir.resolve("dots").toString()).schema(schema).partitionBy("../x").commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("partition column name '../x'")
        .hasMessageContaining("Rename the column");
    assertThat(Files.exists(dir.resolve("dots"))).isFalse();
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void readingAClosedLakeFails() {
    DeltaLake closed = DeltaLake.local();
    closed.close();
    assertThatThrownBy(() -> closed.table(sales.table.location()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aValueOfTheWrongClassIsShownByItsContentsNotItsIdentity() {
    StructType schema = StructType.builder().add("id", PrimitiveType.INT).build();

    assertThatThrownBy(() -> Row.of(schema, (Object) new int[] {1, 2}))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot write int[] value '[1, 2]' into column 'id' of type int. Expected Integer.");
    assertThatThrownBy(() -> Row.of(schema, new Object()))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot write Object value into column 'id' of type int. Expected Integer.");
  }

  @Test
  void aMapEntryIsNamedByItsKeyEvenWhenTheKeyIsBinary() {
    StructType schema = StructType.builder()
        .add("m", new io.deltalake4j.types.MapType(PrimitiveType.BINARY, PrimitiveType.STRING, false)).build();
    Map<Object, Object> value = new java.util.HashMap<>();
    value.put(new byte[] {(byte) 0xCA, (byte) 0xFE}, null);

    assertThatThrownBy(() -> Row.of(schema, value))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot write null into m[X'CAFE']: the map's values are NOT NULL.");
  }

  @Test
  void aMapWithTwoEqualBinaryKeysIsRefusedNamingTheKey() {
    StructType schema = StructType.builder()
        .add("m", io.deltalake4j.types.MapType.of(PrimitiveType.BINARY, PrimitiveType.STRING)).build();
    Map<Object, Object> value = new java.util.LinkedHashMap<>();
    value.put(new byte[] {1, 2}, "a");
    value.put(new byte[] {1, 2}, "b");
    String path = dir.resolve("binary-keys").toString();

    assertThatThrownBy(() -> lake.create(path).schema(schema).rows(List.of(Row.of(schema, value))).commit())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("Cannot write map into 'm': the key X'0102' appears twice. Give each key once.");
    assertThat(Path.of(path)).doesNotExist();
  }

  @Test
  void aColumnOfATypeWeCannotReadIsNamed() throws Exception {
    String path = dir.resolve("geometry").toString();
    io.deltalake4j.testing.HandWrittenLog.create(path, 1, 2,
        List.of(io.deltalake4j.testing.HandWrittenLog.field("id", "integer"),
            io.deltalake4j.testing.HandWrittenLog.field("shape", "geometry(OGC:CRS84)")),
        List.of(), Map.of());

    assertThatThrownBy(() -> lake.table(path))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageStartingWith("Cannot read column 'shape' of table ")
        .hasMessageContaining(path)
        .hasMessageEndingWith(": its type Geometry(crs=OGC:CRS84) is not supported by deltalake4j yet. "
            + "Read the table with an engine that supports it (e.g. Spark).");
  }
}
