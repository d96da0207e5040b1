package io.deltalake4j.benchmarks.internal.kernel;

import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import org.apache.hadoop.conf.Configuration;

/** The baseline for opening tables: Kernel's snapshot load with its default engine. */
public final class RawKernelOpen {
  /** Kernel's setting of the log store for {@code file:} tables. */
  private static final String LOCAL_LOG_STORE = "io.delta.kernel.logStore.file.impl";

  private final Engine engine;

  /**
   * @param logStore the log store class for {@code file:} tables, or null for Kernel's default (which
   *     lists the log directory through Hadoop)
   */
  public RawKernelOpen(String logStore) {
    Configuration conf = new Configuration();
    if (logStore != null) {
      conf.set(LOCAL_LOG_STORE, logStore);
    }
    this.engine = DefaultEngine.create(conf);
  }

  /** The latest version, from a freshly loaded snapshot. */
  public long version(String path) {
    return TableManager.loadSnapshot(path).build(engine).getVersion();
  }
}
