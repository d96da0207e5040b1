package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowScan;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scans of the sales table into Arrow ({@link ArrowScanBase}): a full scan of every column, and the
 * partition-pruned {@code region = 'us-east' AND month = 1}.
 */
public class ArrowScanBenchmark extends ArrowScanBase {

  @Param({"50000", "5000000"})
  public int rows;

  @Param({"full", "us-east-january"})
  public String query;

  @Override
  protected Scan scan(DeltaLake lake) {
    DeltaTable table = lake.table(SalesTables.of(lake, rows));
    return query.equals("full") ? table.scan() : table.scan().where("region = 'us-east' AND month = 1");
  }

  /** The column-wise decoder on two threads (this machine's cores), batches in the scan's order. */
  @Benchmark
  public long columnWiseTwoThreads(Blackhole bh) throws IOException {
    return drain(ArrowScan.of(scan()).parallelism(2), bh);
  }
}
