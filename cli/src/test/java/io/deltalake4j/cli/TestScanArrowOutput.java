package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.io.FileInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deltalake4j scan --format arrow --output FILE}: an Arrow IPC stream any Arrow reader opens. */
@ExtendWith(Storages.class)
class TestScanArrowOutput {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void theStreamHoldsExactlyTheFilteredProjectedRows(StorageUnderTest storage, @TempDir Path dir) throws Exception {
    SalesFixture sales = Tables.sales(storage);
    Path file = dir.resolve("east.arrows");

    CliRun run = CliRun.of("scan", sales.table.location(), "--where", TestScanCommand.US_EAST_JANUARY,
        "--select", "transaction_id,price", "--format", "arrow", "--output", file.toString());

    List<Long> expectedIds = sales.table.scan().where(TestScanCommand.US_EAST_JANUARY).toList().stream()
        .map(r -> r.getLong("transaction_id")).toList();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).matches("Wrote " + expectedIds.size() + " rows in \\d+ batch(es)? to \\Q" + file
        + "\\E \\(Arrow IPC stream, [0-9,]+ bytes.*\\)\\R");
    List<Long> ids = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new FileInputStream(file.toFile()), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertThat(root.getSchema().getFields()).extracting(f -> f.getName()).containsExactly("transaction_id", "price");
      while (reader.loadNextBatch()) {
        BigIntVector id = (BigIntVector) root.getVector("transaction_id");
        DecimalVector price = (DecimalVector) root.getVector("price");
        for (int i = 0; i < root.getRowCount(); i++) {
          ids.add(id.get(i));
          assertThat(price.getObject(i)).isInstanceOf(BigDecimal.class);
        }
      }
    }
    assertThat(ids).isEqualTo(expectedIds);
  }

  @Test
  void arrowNeedsAnOutputFileAndOtherFormatsRefuseOne(@TempDir Path dir) {
    CliRun noFile = CliRun.of("scan", dir.toString(), "--format", "arrow");
    CliRun textToFile = CliRun.of("scan", dir.toString(), "--output", dir.resolve("x").toString());

    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("give the file to write with --output FILE");
    assertThat(textToFile.exitCode()).isEqualTo(2);
    assertThat(textToFile.err()).contains("--output is for --format arrow");
  }
}
