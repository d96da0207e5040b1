package io.deltalake4j.benchmarks.internal.kernel;

import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import org.apache.hadoop.conf.Configuration;

/** The baseline for opening tables: Kernel's snapshot load with its default engine. */
public final class RawKernelOpen {
  private final Engine engine = DefaultEngine.create(new Configuration());

  /** The latest version, from a freshly loaded snapshot. */
  public long version(String path) {
    return TableManager.loadSnapshot(path).build(engine).getVersion();
  }
}
