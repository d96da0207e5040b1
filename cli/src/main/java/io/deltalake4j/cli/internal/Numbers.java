package io.deltalake4j.cli.internal;

import io.deltalake4j.ScanMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Counts and sizes for people: thousands grouped with commas, whatever the machine's locale. */
public final class Numbers {
  private Numbers() {}

  /** {@code 50000} as {@code 50,000}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 1} as {@code 1 row}, {@code 4166} as {@code 4,166 rows}. */
  public static String count(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }

  /** Bytes grouped, with a binary-unit size from 1 KiB up: {@code 1,234,567 bytes (1.2 MiB)}. */
  public static String bytes(long n) {
    String exact = count(n, "byte", "bytes");
    if (n < 1024) {
      return exact;
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double size = n;
    int unit = -1;
    while (size >= 1024 && unit < units.length - 1) {
      size /= 1024;
      unit++;
    }
    return exact + String.format(Locale.ROOT, " (%.1f %s)", size, units[unit]);
  }

  /** An amount with two decimals, grouped: {@code 1234567.891} as {@code 1,234,567.89}. */
  public static String amount(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
  }

  /**
   * What a scan did, for its summary line: {@code 4,583 rows (version 1; files: 24 in snapshot, 22
   * pruned by partition, 0 skipped by stats, 2 read)}.
   */
  public static String scanSummary(ScanMetrics m) {
    return count(m.rowsReturned(), "row", "rows") + " (version " + m.version() + "; files: "
        + count(m.filesInSnapshot()) + " in snapshot, "
        + count(m.filesPrunedByPartition()) + " pruned by partition, "
        + count(m.filesSkippedByStats()) + " skipped by stats, "
        + count(m.filesRead()) + " read)";
  }
}
