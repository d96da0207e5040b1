package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.hms.HiveCatalog;
import java.time.Duration;

/**
 * The lake a command works on: Hadoop settings from {@code $HADOOP_CONF_DIR}, and the Hive
 * Metastore of {@code --metastore} when given, so that TABLE may be {@code database.table}.
 * Closing closes the lake, then the catalog.
 */
final class LakeSession implements AutoCloseable {

  private final HiveCatalog catalog; // null without --metastore
  private final DeltaLake lake;

  private LakeSession(HiveCatalog catalog, DeltaLake lake) {
    this.catalog = catalog;
    this.lake = lake;
  }

  /** The lake of the command line's options; {@code --timeout} bounds each wait for the metastore and HDFS. */
  static LakeSession open(Main main) {
    String uris = main.metastore();
    Duration timeout = main.timeout();
    DeltaLake.Builder lake = DeltaLake.builder().storageTimeout(timeout);
    if (uris == null) {
      return new LakeSession(null, lake.build());
    }
    HiveCatalog catalog = HiveCatalog.builder(uris).connectTimeout(timeout).readTimeout(timeout).build();
    return new LakeSession(catalog, lake.catalog(catalog).build());
  }

  DeltaLake lake() {
    return lake;
  }

  @Override
  public void close() {
    try {
      lake.close();
    } finally {
      if (catalog != null) {
        catalog.close();
      }
    }
  }
}
