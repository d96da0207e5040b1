package io.deltalake4j.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The range of dates and timestamps a Delta table holds (the protocol's, and Spark's): years 0001
 * to 9999. Values outside it cannot be stored, and as filter literals they would overflow Delta's
 * day and microsecond encodings.
 */
public final class TemporalRange {
  public static final String DESCRIPTION = "from year 0001 to year 9999";

  private static final LocalDateTime MIN = LocalDateTime.of(1, 1, 1, 0, 0);
  private static final LocalDateTime MAX = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

  private TemporalRange() {}

  public static boolean contains(LocalDate d) {
    return d.getYear() >= 1 && d.getYear() <= 9999;
  }

  public static boolean contains(LocalDateTime t) {
    return !t.isBefore(MIN) && !t.isAfter(MAX);
  }

  public static boolean contains(Instant i) {
    return !i.isBefore(MIN.toInstant(java.time.ZoneOffset.UTC)) && !i.isAfter(MAX.toInstant(java.time.ZoneOffset.UTC));
  }
}
