package io.deltalake4j.internal;

import io.deltalake4j.Scan;
import io.deltalake4j.internal.kernel.ScanRunner;
import java.util.function.Function;

/**
 * How other modules of the library (arrow) run a {@link Scan} their own way without a public
 * method that would show internal types: {@code Scan} registers the way in when it is loaded.
 */
public final class ScanAccess {
  private ScanAccess() {}

  private static volatile Function<Scan, ScanRunner> runners;

  /** Called once, by {@code Scan}. */
  public static void register(Function<Scan, ScanRunner> runnerOf) {
    runners = runnerOf;
  }

  /** The runner of a scan: its pinned snapshot, projection, filter and limit. */
  public static ScanRunner runner(Scan scan) {
    return runners.apply(scan);
  }
}
