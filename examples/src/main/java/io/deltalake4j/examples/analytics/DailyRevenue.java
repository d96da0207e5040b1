package io.deltalake4j.examples.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The advanced pipeline: revenue ({@code price * quantity}) per day, region and product, and its
 * growth over the same region and product's previous day with sales, from the Arrow batches of a
 * scan of {@code sale_date, region, product, price, quantity}. Rows with a null in any of them are
 * left out.
 */
public final class DailyRevenue {
  private DailyRevenue() {}

  /**
   * One day of one region and product.
   *
   * @param growthPercent change against {@code previousDay} in percent, null on a series' first day
   */
  public record Day(String region, String product, LocalDate day, BigDecimal revenue, LocalDate previousDay,
      BigDecimal growthPercent) {}

  /** Reads the reader to its end (the caller still closes it): days by region, product, then date. */
  public static List<Day> compute(ArrowReader reader) {
    Map<String, Map<Integer, long[]>> series = new TreeMap<>(); // region, product -> day -> cents
    try {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
        DateDayVector day = (DateDayVector) batch.getVector("sale_date");
        VarCharVector region = (VarCharVector) batch.getVector("region");
        VarCharVector product = (VarCharVector) batch.getVector("product");
        DecimalVector price = Cents.column(batch.getVector("price"));
        IntVector quantity = (IntVector) batch.getVector("quantity");
        for (int i = 0; i < batch.getRowCount(); i++) {
          if (day.isNull(i) || region.isNull(i) || product.isNull(i) || price.isNull(i) || quantity.isNull(i)) {
            continue;
          }
          String key = new String(region.get(i), StandardCharsets.UTF_8) + '\u0000'
              + new String(product.get(i), StandardCharsets.UTF_8);
          long cents = Math.multiplyExact(Cents.of(price, i), (long) quantity.get(i));
          series.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(day.get(i), d -> new long[1])[0] += cents;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the next Arrow batch: " + e.getMessage(), e);
    }

    List<Day> days = new ArrayList<>();
    series.forEach((key, byDay) -> {
      String[] parts = key.split("\u0000", 2);
      Integer previous = null;
      long previousCents = 0;
      for (Map.Entry<Integer, long[]> e : byDay.entrySet()) {
        long cents = e.getValue()[0];
        BigDecimal growth = previous == null || previousCents == 0 ? null
            : BigDecimal.valueOf((cents - previousCents) * 100L).divide(BigDecimal.valueOf(previousCents), 2,
                RoundingMode.HALF_UP);
        days.add(new Day(parts[0], parts[1], LocalDate.ofEpochDay(e.getKey()), BigDecimal.valueOf(cents, 2),
            previous == null ? null : LocalDate.ofEpochDay(previous), growth));
        previous = e.getKey();
        previousCents = cents;
      }
    });
    return days;
  }
}
