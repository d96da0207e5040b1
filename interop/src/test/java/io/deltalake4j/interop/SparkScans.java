package io.deltalake4j.interop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import scala.jdk.javaapi.CollectionConverters;

/** What Spark's physical plan did when it ran a query, read from its SQL metrics. */
final class SparkScans {
  private SparkScans() {}

  /**
   * Runs the query and returns how many files its file scans read: after Delta's partition pruning and
   * data skipping, which is how Spark proves it can use the statistics a table's writer recorded.
   */
  static long filesRead(Dataset<Row> query) {
    query.collectAsList();
    SparkPlan plan = query.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.finalPhysicalPlan();
    }
    long files = 0;
    boolean found = false;
    for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof FileSourceScanExec scan) {
        files += scan.metrics().apply("numFiles").value();
        found = true;
      }
    }
    if (!found) {
      throw new IllegalStateException("No file scan in the plan: " + plan);
    }
    return files;
  }
}
