package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.internal.kernel.parquet.DecoderProbe;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.MultiNodeHdfs;
import io.deltalake4j.testing.SalesTotals;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, fault injection, Arrow's own Parquet decoder: a DataNode stopped in the middle of an
 * Arrow scan costs it nothing while another DataNode holds each block. Same cluster shape as
 * core's {@code TestDataNodeLoss} (three DataNodes, every block on each, 32 KiB blocks, ~16 data
 * files); the DataNode is stopped between batches, a quarter of the way through.
 */
class TestArrowDataNodeLoss extends LeakChecked {

  static final int ROWS = 300_000;
  static final int STOPPED = 2;

  private static MultiNodeHdfs hdfs;
  private static DeltaLake lake;
  private static String path;

  @BeforeAll
  static void writeTableOnThreeDataNodes() {
    hdfs = MultiNodeHdfs.start(3, 32 * 1024);
    lake = hdfs.lake();
    path = hdfs.uri() + "/lake/sales";
    lake.create(path).schema(SalesData.SCHEMA).targetFileSize(1024 * 1024).rows(SalesData.rows(ROWS)).commit();
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (lake != null) {
        lake.close();
      }
    } finally {
      if (hdfs != null) {
        hdfs.close();
      }
    }
  }

  @Test
  void anArrowScanThatLosesADataNodeMidwayReturnsExactlyTheTablesRows() throws Exception {
    Scan scan = lake.table(path).scan();
    assertThat(DecoderProbe.columnWise(path, scan.schema())).as("decoded column-wise, by our decoder").isTrue();
    MultiNodeHdfs.Replicas replicas = hdfs.replicasUnder(path);
    assertThat(replicas.files()).as("data files").isGreaterThanOrEqualTo(8);
    String stopped = hdfs.dataNodeAddress(STOPPED);
    assertThat(replicas.allOn(stopped)).as("DataNode %s holds every block", stopped).isTrue();

    SalesTotals read = new SalesTotals();
    long stoppedAfter = -1;
    try (ArrowReader reader = ArrowScan.of(scan).open(allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        BigIntVector ids = (BigIntVector) root.getVector("transaction_id");
        IntVector quantities = (IntVector) root.getVector("quantity");
        DecimalVector prices = (DecimalVector) root.getVector("price");
        for (int i = 0; i < root.getRowCount(); i++) {
          read.add(ids.get(i), quantities.get(i), prices.getObject(i));
        }
        if (stoppedAfter < 0 && read.rows() >= ROWS / 4) {
          hdfs.stopDataNode(STOPPED);
          stoppedAfter = read.rows();
        }
      }
    }

    assertThat(stoppedAfter).isBetween((long) ROWS / 4, (long) ROWS / 2);
    assertThat(read).isEqualTo(SalesTotals.ofGenerated(ROWS));
  }
}
