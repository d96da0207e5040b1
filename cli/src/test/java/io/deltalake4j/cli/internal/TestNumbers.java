package io.deltalake4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.ScanMetrics;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Counts, sizes and amounts for people: grouped with commas whatever the default locale. */
class TestNumbers {

  @Test
  void countsAreGroupedAndPluralized() {
    assertThat(Numbers.count(0)).isEqualTo("0");
    assertThat(Numbers.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Numbers.count(1, "row", "rows")).isEqualTo("1 row");
    assertThat(Numbers.count(4_166, "row", "rows")).isEqualTo("4,166 rows");
  }

  @Test
  void bytesGetABinaryUnitFromOneKibibyte() {
    assertThat(Numbers.bytes(1023)).isEqualTo("1,023 bytes");
    assertThat(Numbers.bytes(1024)).isEqualTo("1,024 bytes (1.0 KiB)");
    assertThat(Numbers.bytes(268_334)).isEqualTo("268,334 bytes (262.0 KiB)");
    assertThat(Numbers.bytes(5L << 30)).isEqualTo("5,368,709,120 bytes (5.0 GiB)");
  }

  @Test
  void amountsHaveTwoDecimals() {
    assertThat(Numbers.amount(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
    assertThat(Numbers.amount(new BigDecimal("-5"))).isEqualTo("-5.00");
  }

  @Test
  void scanSummaryNamesEveryPlanningFigure() {
    ScanMetrics m = new ScanMetrics(1, 24, 22, 0, 2, 40_000, 4_583, 4_583);

    assertThat(Numbers.scanSummary(m)).isEqualTo(
        "4,583 rows (version 1; files: 24 in snapshot, 22 pruned by partition, 0 skipped by stats, 2 read)");
  }
}
