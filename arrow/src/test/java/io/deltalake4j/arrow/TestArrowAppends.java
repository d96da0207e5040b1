package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.exceptions.ConstraintViolationException;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.AllTypes;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Arrow batches written to tables through the write builders: partitioned or not, with statistics, checked. */
@ExtendWith({Storages.class, LocalLake.class})
class TestArrowAppends extends LeakChecked {

  /** A scan of the every-type table, the source of Arrow batches, and its schema. */
  private static Scan allTypes(DeltaLake lake, StorageUnderTest storage) {
    String source = storage.newTablePath("source");
    lake.create(source).schema(AllTypes.SCHEMA).rows(AllTypes.rows()).commit();
    return lake.table(source).scan();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void arrowBatchesOfEveryTypeAreWrittenColumnWiseUnpartitionedAndReadBackExactly(
      StorageUnderTest storage, DeltaLake lake) throws Exception {
    Scan scan = allTypes(lake, storage);
    String target = storage.newTablePath("target");

    CommitResult r;
    try (ArrowReader reader = ArrowScan.of(scan).batchSize(3).open(allocator)) {
      r = ArrowWrites.add(lake.create(target).schema(AllTypes.SCHEMA), reader).commit();
    }

    assertThat(r.rowsWritten()).isEqualTo(AllTypes.rows().size());
    assertThat(r.filesAdded()).isEqualTo(1);
    assertThat(lake.table(target).scan().toList()).as("one file, rows in input order")
        .containsExactlyElementsOf(AllTypes.rows());
    assertThat(lake.table(target).scan().where("id = 3").plan().filesSkippedByStats())
        .as("no file of ids 1..4 is skipped for id = 3").isZero();
    assertThat(lake.table(target).scan().where("id = 9").plan().filesSkippedByStats())
        .as("statistics let scans skip files").isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void arrowBatchesOfEveryTypeAreWrittenPartitionedAndReadBackExactly(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    Scan scan = allTypes(lake, storage);
    String target = storage.newTablePath("target");

    CommitResult r;
    try (ArrowReader reader = ArrowScan.of(scan).batchSize(3).open(allocator)) {
      r = ArrowWrites.add(lake.create(target).schema(AllTypes.SCHEMA).partitionBy("part"), reader).commit();
    }

    assertThat(r.rowsWritten()).isEqualTo(AllTypes.rows().size());
    assertThat(r.filesAdded()).as("one file per partition: p1, p2, null").isEqualTo(3);
    assertThat(lake.table(target).scan().toList()).containsExactlyInAnyOrderElementsOf(AllTypes.rows());
    assertThat(lake.table(target).scan().where("id = 3").plan().filesSkippedByStats())
        .as("statistics let scans skip files").isPositive();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void arrowRowsFeedTheRowApiToo(StorageUnderTest storage, DeltaLake lake) throws Exception {
    Scan scan = allTypes(lake, storage);
    String target = storage.newTablePath("target");

    try (ArrowReader reader = ArrowScan.of(scan).batchSize(3).open(allocator)) {
      lake.create(target).schema(AllTypes.SCHEMA).partitionBy("part").rows(ArrowRows.from(reader, scan.schema())).commit();
    }

    assertThat(lake.table(target).scan().toList()).containsExactlyInAnyOrderElementsOf(AllTypes.rows());
  }

  @Test
  void rowsAndBatchesMixInOneWriteInTheOrderGiven(DeltaLake lake) throws Exception {
    String path = Storages.local().newTablePath("mixed");
    lake.create(path).schema(SalesData.SCHEMA).commit();
    List<Row> rows = list(SalesData.rows(30));
    String source = Storages.local().newTablePath("source");
    lake.create(source).schema(SalesData.SCHEMA).rows(rows.subList(10, 20)).commit();

    try (ArrowReader reader = ArrowScan.of(lake.table(source).scan()).batchSize(4).open(allocator)) {
      ArrowWrites.add(lake.table(path).append().rows(rows.subList(0, 10)), reader).rows(rows.subList(20, 30)).commit();
    }

    assertThat(lake.table(path).scan().toList()).containsExactlyElementsOf(rows);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void arrowColumnsOfOtherTypesAreRefusedAndNothingIsWritten(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("mismatch");
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit();
    Schema wrong = new Schema(List.of(Field.nullable("transaction_id", new ArrowType.Int(32, true))));
    try (VectorSchemaRoot root = VectorSchemaRoot.create(wrong, allocator)) {
      ((IntVector) root.getVector(0)).setSafe(0, 1);
      root.setRowCount(1);

      assertThatThrownBy(() -> lake.table(path).append().rows(ArrowRows.of(root, SalesData.SCHEMA)).commit())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("transaction_id")
          .hasMessageContaining("Cast or rename");
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append(), root).commit())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("transaction_id")
          .hasMessageContaining("Cast or rename");
    }
    assertThat(lake.table(path).version()).isZero();
    assertThat(parquetFiles(path)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aNullInANotNullColumnOfABatchFailsTheWriteAndLeavesNoFiles(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    StructType schema = StructType.builder()
        .addRequired("id", PrimitiveType.LONG)
        .add("tags", new ArrayType(PrimitiveType.STRING, false))
        .build();
    String path = storage.newTablePath("not_null");
    lake.create(path).schema(schema).commit();
    try (VectorSchemaRoot first = VectorSchemaRoot.create(ArrowSchemas.of(schema), allocator);
        VectorSchemaRoot second = VectorSchemaRoot.create(ArrowSchemas.of(schema), allocator)) {
      fill(first, new Long[] {1L, 2L}, List.of(List.of("a"), List.of("b", "c")));
      fill(second, new Long[] {3L, null}, List.of(List.of(), List.of()));
      assertThatThrownBy(() -> ArrowWrites.add(ArrowWrites.add(lake.table(path).append(), first), second).commit())
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("column 'id'")
          .hasMessageContaining("NOT NULL");

      Field nullableElements = new Field("tags", FieldType.nullable(new ArrowType.List()),
          List.of(Field.nullable("element", new ArrowType.Utf8())));
      Schema loose = new Schema(List.of(ArrowSchemas.of(schema).getFields().get(0), nullableElements));
      try (VectorSchemaRoot nested = VectorSchemaRoot.create(loose, allocator)) {
        fill(nested, new Long[] {5L}, java.util.Arrays.asList(java.util.Arrays.asList("x", null)));
        assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append(), nested).commit())
            .isInstanceOf(SchemaMismatchException.class)
            .hasMessageContaining("'tags[1]'")
            .hasMessageContaining("NOT NULL");
      }
    }
    assertThat(lake.table(path).version()).isZero();
    assertThat(parquetFiles(path)).as("the first batch's file is removed").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void batchValuesAreCheckedAsRowsAre(StorageUnderTest storage, DeltaLake lake) throws Exception {
    StructType schema = StructType.builder()
        .addRequired("id", PrimitiveType.LONG)
        .add("price", io.deltalake4j.types.Types.decimal(5, 2))
        .add("attrs", io.deltalake4j.types.MapType.of(PrimitiveType.STRING, PrimitiveType.INT))
        .build();
    String path = storage.newTablePath("checked");
    lake.create(path).schema(schema).commit();
    StructType loose = StructType.builder()
        .add("id", PrimitiveType.LONG)
        .add("price", io.deltalake4j.types.Types.decimal(5, 2))
        .add("attrs", io.deltalake4j.types.MapType.of(PrimitiveType.STRING, PrimitiveType.INT))
        .add("note", PrimitiveType.STRING)
        .build();

    try (VectorSchemaRoot tooWide = VectorSchemaRoot.create(ArrowSchemas.of(schema), allocator)) {
      ((BigIntVector) tooWide.getVector(0)).setSafe(0, 1L);
      ((org.apache.arrow.vector.DecimalVector) tooWide.getVector(1)).setSafe(0, 12_345_678L); // 123456.78
      tooWide.setRowCount(1);
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append(), tooWide).commit())
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("123456.78")
          .hasMessageContaining("'price'")
          .hasMessageContaining("decimal(5,2)");
    }
    try (VectorSchemaRoot twice = VectorSchemaRoot.create(ArrowSchemas.of(schema), allocator)) {
      ((BigIntVector) twice.getVector(0)).setSafe(0, 1L);
      org.apache.arrow.vector.complex.MapVector map = (org.apache.arrow.vector.complex.MapVector) twice.getVector(2);
      org.apache.arrow.vector.complex.impl.UnionMapWriter w = map.getWriter();
      w.setPosition(0);
      w.startMap();
      for (int v = 0; v < 2; v++) {
        w.startEntry();
        w.key().varChar().writeVarChar("k");
        w.value().integer().writeInt(v);
        w.endEntry();
      }
      w.endMap();
      map.setValueCount(1);
      twice.setRowCount(1);
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append(), twice).commit())
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("'attrs'")
          .hasMessageContaining("the key k appears twice");
    }
    try (VectorSchemaRoot nullId = VectorSchemaRoot.create(ArrowSchemas.of(loose), allocator)) {
      nullId.getVector(0).setNull(0);
      nullId.setRowCount(1);
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append().mergeSchema(loose), nullId).commit())
          .as("a schema given to mergeSchema cannot loosen NOT NULL")
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("column 'id'");
    }
    assertThat(lake.table(path).version()).isZero();
    assertThat(parquetFiles(path)).isEmpty();
  }

  @Test
  void timestampsOfAnyUnitAndZoneAreWrittenAsInstants(DeltaLake lake) {
    StructType schema = StructType.builder()
        .add("ts", PrimitiveType.TIMESTAMP)
        .add("ts_ntz", PrimitiveType.TIMESTAMP_NTZ)
        .build();
    String path = Storages.local().newTablePath("timestamps");
    Schema arrow = new Schema(List.of(
        Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "Europe/Paris")),
        Field.nullable("ts_ntz", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null))));
    try (VectorSchemaRoot root = VectorSchemaRoot.create(arrow, allocator)) {
      ((TimeStampMilliTZVector) root.getVector(0)).setSafe(0, 1_700_000_000_123L);
      ((TimeStampNanoVector) root.getVector(1)).setSafe(0, -1_500L);
      root.setRowCount(1);

      ArrowWrites.add(lake.create(path).schema(schema), root).commit();
    }

    assertThat(lake.table(path).scan().toList()).containsExactly(Row.of(schema,
        Instant.ofEpochMilli(1_700_000_000_123L), LocalDateTime.parse("1969-12-31T23:59:59.999998")));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void batchesWithANewColumnMergeIntoTheSchema(StorageUnderTest storage, DeltaLake lake) {
    StructType before = StructType.builder().add("id", PrimitiveType.LONG).build();
    StructType after = StructType.builder().add("name", PrimitiveType.STRING).add("id", PrimitiveType.LONG).build();
    String path = storage.newTablePath("merge");
    lake.create(path).schema(before).rows(List.of(Row.of(before, 1L))).commit();
    try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.of(after), allocator)) {
      ((VarCharVector) root.getVector(0)).setSafe(0, "two".getBytes(StandardCharsets.UTF_8));
      ((BigIntVector) root.getVector(1)).setSafe(0, 2L);
      root.setRowCount(1);

      ArrowWrites.add(lake.table(path).append().mergeSchema(after), root).commit();
    }

    StructType merged = lake.table(path).schema();
    assertThat(merged.fieldNames()).containsExactly("id", "name");
    assertThat(lake.table(path).scan().toList())
        .containsExactlyInAnyOrder(Row.of(merged, 1L, null), Row.of(merged, 2L, "two"));
  }

  @Test
  void aBatchRowOutsideAnOverwritesPredicateIsRefused(DeltaLake lake) throws Exception {
    String path = Storages.local().newTablePath("replace");
    String source = Storages.local().newTablePath("source");
    List<Row> rows = list(SalesData.rows(200));
    lake.create(path).schema(SalesData.SCHEMA).rows(rows).commit();
    lake.create(source).schema(SalesData.SCHEMA).rows(rows).commit();

    try (ArrowReader reader = ArrowScan.of(lake.table(source).scan()).open(allocator)) {
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).overwrite().where("quantity > 3"), reader).commit())
          .isInstanceOf(ConstraintViolationException.class)
          .hasMessageContaining("quantity > 3")
          .hasMessageContaining("is outside it");
    }
    assertThat(lake.table(path).version()).isZero();
  }

  @Test
  void aReaderThatFailsFailsTheWriteWithItsCause(DeltaLake lake) throws Exception {
    String path = Storages.local().newTablePath("failing");
    lake.create(path).schema(SalesData.SCHEMA).commit();
    try (ArrowReader failing = new ArrowReader(allocator) {
      @Override
      public boolean loadNextBatch() throws IOException {
        throw new IOException("the stream broke");
      }

      @Override
      public long bytesRead() {
        return 0;
      }

      @Override
      protected void closeReadSource() {}

      @Override
      protected Schema readSchema() {
        return ArrowSchemas.of(SalesData.SCHEMA);
      }
    }) {
      assertThatThrownBy(() -> ArrowWrites.add(lake.table(path).append(), failing).commit())
          .isInstanceOf(DeltaIOException.class)
          .hasMessageContaining("the stream broke");
    }
    assertThat(lake.table(path).version()).isZero();
  }

  private static void fill(VectorSchemaRoot root, Long[] ids, List<List<String>> tags) {
    BigIntVector id = (BigIntVector) root.getVector(0);
    ListVector list = (ListVector) root.getVector(1);
    UnionListWriter w = list.getWriter();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        id.setNull(i);
      } else {
        id.setSafe(i, ids[i]);
      }
      w.setPosition(i);
      w.startList();
      for (String t : tags.get(i)) {
        if (t == null) {
          w.writeNull();
        } else {
          w.writeVarChar(t);
        }
      }
      w.endList();
    }
    list.setValueCount(ids.length);
    root.setRowCount(ids.length);
  }

  private static List<Row> list(Iterable<Row> rows) {
    List<Row> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  private static List<Path> parquetFiles(String location) throws IOException {
    Path root = new Path(location);
    FileSystem fs = root.getFileSystem(new Configuration());
    List<Path> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().endsWith(".parquet") && !p.toString().contains("_delta_log")) {
        out.add(p);
      }
    }
    return out;
  }
}
