package io.deltalake4j.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Where a test's tables live: a local directory or the embedded HDFS. */
public final class StorageUnderTest {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;
  private final String root;

  StorageUnderTest(String name, String root) {
    this.name = name;
    this.root = root;
  }

  /** A fresh, not yet existing table location under this storage, e.g. {@code hdfs://localhost:P/t/sales-7}. */
  public String newTablePath(String table) {
    return root + "/" + table + "-" + COUNTER.incrementAndGet();
  }

  /** The root URI: {@code file:/...} or {@code hdfs://localhost:PORT/...}. */
  public String root() {
    return root;
  }

  public boolean isHdfs() {
    return root.startsWith("hdfs:");
  }

  @Override
  public String toString() {
    return name;
  }
}
