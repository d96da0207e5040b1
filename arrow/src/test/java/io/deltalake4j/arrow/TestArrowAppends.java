package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Scan;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.AllTypes;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Arrow batches written to tables through the write builders: partitioned, with statistics. */
@ExtendWith({Storages.class, LocalLake.class})
class TestArrowAppends {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anArrowStreamOfEveryTypeIsWrittenPartitionedAndReadBackExactly(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String source = storage.newTablePath("source");
    String target = storage.newTablePath("target");
    lake.create(source).schema(AllTypes.SCHEMA).rows(AllTypes.rows()).commit();
    Scan scan = lake.table(source).scan();

    CommitResult r;
    try (BufferAllocator allocator = new RootAllocator(); ArrowReader reader = ArrowScan.of(scan).batchSize(3).open(allocator)) {
      r = lake.create(target).schema(AllTypes.SCHEMA).partitionBy("part").rows(ArrowRows.from(reader, scan.schema())).commit();
    }

    assertThat(r.rowsWritten()).isEqualTo(AllTypes.rows().size());
    assertThat(r.filesAdded()).as("one file per partition: p1, p2, null").isEqualTo(3);
    assertThat(lake.table(target).scan().toList()).containsExactlyInAnyOrderElementsOf(AllTypes.rows());
    assertThat(lake.table(target).scan().where("id = 3").plan().filesSkippedByStats())
        .as("statistics let scans skip files").isPositive();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void arrowColumnsOfOtherTypesAreRefusedAndNothingIsWritten(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("mismatch");
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit();
    Schema wrong = new Schema(List.of(Field.nullable("transaction_id", new ArrowType.Int(32, true))));
    try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(wrong, allocator)) {
      ((IntVector) root.getVector(0)).setSafe(0, 1);
      root.setRowCount(1);

      assertThatThrownBy(() -> lake.table(path).append().rows(ArrowRows.of(root, SalesData.SCHEMA)).commit())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("transaction_id")
          .hasMessageContaining("Cast or rename");
    }
    assertThat(lake.table(path).version()).isZero();
  }
}
