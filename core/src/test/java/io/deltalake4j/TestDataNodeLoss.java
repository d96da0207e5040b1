package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.MultiNodeHdfs;
import io.deltalake4j.testing.SalesTotals;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, fault injection: a DataNode that goes away in the middle of a scan costs the scan
 * nothing as long as another DataNode holds each block. The cluster is this class's own: three
 * DataNodes, every block on each, 32 KiB blocks so each of the ~16 data files spans several. One
 * DataNode is stopped from inside the row loop a quarter of the way through, so about twelve
 * files are opened after it is gone, and for each block the client tries the dead DataNode first
 * about a third of the time (it then fails over: "Failed to connect ... add to deadNodes").
 */
class TestDataNodeLoss {

  static final int ROWS = 300_000;
  static final long BLOCK_SIZE = 32 * 1024;
  static final long FILE_SIZE = 1024 * 1024;
  static final int STOPPED = 1;

  private static MultiNodeHdfs hdfs;
  private static DeltaLake lake;
  private static String path;

  @BeforeAll
  static void writeTableOnThreeDataNodes() {
    hdfs = MultiNodeHdfs.start(3, BLOCK_SIZE);
    lake = hdfs.lake();
    path = hdfs.uri() + "/lake/sales";
    lake.create(path).schema(SalesData.SCHEMA).targetFileSize(FILE_SIZE).rows(SalesData.rows(ROWS)).commit();
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
  void aScanThatLosesADataNodeMidwayReturnsExactlyTheTablesRows() {
    MultiNodeHdfs.Replicas replicas = hdfs.replicasUnder(path);
    assertThat(replicas.files()).as("data files").isGreaterThanOrEqualTo(8);
    assertThat(replicas.blocks().size()).as("blocks").isGreaterThanOrEqualTo(2 * replicas.files());
    String stopped = hdfs.dataNodeAddress(STOPPED);
    assertThat(replicas.allOn(stopped)).as("DataNode %s holds every block", stopped).isTrue();

    SalesTotals read = new SalesTotals();
    long stoppedAfter = -1;
    try (RowIterator rows = lake.table(path).scan().rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        read.add(r.getLong("transaction_id"), r.getInt("quantity"), (BigDecimal) r.get("price"));
        if (read.rows() == ROWS / 4) {
          hdfs.stopDataNode(STOPPED);
          stoppedAfter = read.rows();
        }
      }
    }

    assertThat(stoppedAfter).isEqualTo(ROWS / 4);
    assertThat(read).isEqualTo(SalesTotals.ofGenerated(ROWS));
  }
}
