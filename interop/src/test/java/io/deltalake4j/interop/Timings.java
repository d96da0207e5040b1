package io.deltalake4j.interop;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock times of the expensive fixtures of this test JVM, printed as they are recorded. */
final class Timings {
  private static final Map<String, Duration> RECORDED = new LinkedHashMap<>();

  private Timings() {}

  static synchronized void record(String what, Duration took) {
    RECORDED.put(what, took);
    System.out.printf("[interop timing] %-45s %6d ms%n", what, took.toMillis());
  }

  static synchronized Map<String, Duration> all() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(RECORDED));
  }
}
