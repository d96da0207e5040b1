package io.deltalake4j.examples.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * {@link GroupStats} by region and product (ordered by them, nulls first), computed batch by batch straight from the Arrow
 * vectors of a scan of {@code region, product, price, sale_date}: no rows are built. Sums are kept
 * exactly, in cents; the mean and deviation use Welford's running update. Nulls are left out of
 * the price and date aggregates, as Polars leaves them out; the count counts rows.
 */
public final class ArrowGroupBy {
  private ArrowGroupBy() {}

  /** Reads the reader to its end; the caller still closes it. */
  public static List<GroupStats> byRegionAndProduct(ArrowReader reader) {
    Map<Key, Group> groups = new HashMap<>();
    try {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
        VarCharVector region = (VarCharVector) batch.getVector("region");
        VarCharVector product = (VarCharVector) batch.getVector("product");
        DecimalVector price = Cents.column(batch.getVector("price"));
        DateDayVector saleDate = (DateDayVector) batch.getVector("sale_date");
        for (int i = 0; i < batch.getRowCount(); i++) {
          Key key = new Key(text(region, i), text(product, i));
          Group group = groups.computeIfAbsent(key, k -> new Group(k.region(), k.product()));
          group.count++;
          if (!price.isNull(i)) {
            group.addPrice(Cents.of(price, i));
          }
          if (!saleDate.isNull(i)) {
            group.addDay(saleDate.get(i));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the next Arrow batch: " + e.getMessage(), e);
    }
    List<GroupStats> out = new ArrayList<>(groups.size());
    groups.values().forEach(g -> out.add(g.stats()));
    Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    out.sort(Comparator.comparing(GroupStats::region, nullsFirst).thenComparing(GroupStats::product, nullsFirst));
    return out;
  }

  /** A group's key; a null region or product is a group of its own, as in Polars. */
  private record Key(String region, String product) {}

  private static String text(VarCharVector v, int i) {
    return v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8);
  }

  private static final class Group {
    private final String region;
    private final String product;
    private long count;
    private long prices; // non-null prices
    private long cents;
    private double mean;
    private double m2;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;

    Group(String region, String product) {
      this.region = region;
      this.product = product;
    }

    void addPrice(long priceCents) {
      prices++;
      cents += priceCents;
      double x = priceCents / 100.0;
      double delta = x - mean;
      mean += delta / prices;
      m2 += delta * (x - mean);
    }

    void addDay(int day) {
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
    }

    GroupStats stats() {
      double std = prices > 1 ? Math.sqrt(m2 / (prices - 1)) : Double.NaN;
      return new GroupStats(region, product, count, BigDecimal.valueOf(cents, 2), prices > 0 ? mean : Double.NaN, std,
          firstDay <= lastDay ? LocalDate.ofEpochDay(firstDay) : null,
          lastDay >= firstDay ? LocalDate.ofEpochDay(lastDay) : null);
    }
  }
}
