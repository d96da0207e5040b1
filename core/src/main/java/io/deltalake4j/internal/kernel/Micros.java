package io.deltalake4j.internal.kernel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Delta stores timestamps as microseconds since the epoch. */
final class Micros {
  private Micros() {}

  static long of(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), (int) (Math.floorMod(micros, 1_000_000L) * 1_000L), ZoneOffset.UTC);
  }
}
