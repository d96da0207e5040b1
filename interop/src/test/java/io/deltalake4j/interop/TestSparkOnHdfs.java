package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.Storages;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spark, delta-spark and core's in-process HDFS share one JVM: Spark writes to and reads from hdfs://. */
@ExtendWith({SparkFixture.class, Storages.class})
class TestSparkOnHdfs {

  @Test
  void sparkWritesAndReadsSalesOnHdfs(SparkSession spark) {
    String path = ReferenceTable.SALES.path(Bases.of(Bases.HDFS));

    assertThat(path).startsWith("hdfs://localhost:");
    assertThat(DeltaLogFiles.of(path).fileNames()).contains("00000000000000000000.json");
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path)))
        .isEqualTo(ReferenceTable.SALES.expectedRows());
    assertThat(spark.read().format("delta").load(path).inputFiles())
        .isNotEmpty()
        .allSatisfy(file -> assertThat(file).startsWith(path + "/region="));
  }
}
