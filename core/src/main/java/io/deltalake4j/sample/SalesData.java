package io.deltalake4j.sample;

import io.deltalake4j.Row;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The lakehouse's sales dataset, made reproducible: {@code Random(42)}, and for i = 1..N
 * quantity = 1 + nextInt(10), then price = (100 + nextInt(99_901)) / 100 as decimal(10,2);
 * region, product, month and day cycle with i. Region and month are correlated (i % 4 and
 * i % 12), so only 12 partitions exist: {@code region = 'us-east' AND month = 3} is empty and
 * {@code month = 1} holds 4,166 of 50,000 rows.
 */
public final class SalesData {
  private SalesData() {}

  public static final List<String> REGIONS = List.of("us-east", "us-west", "eu-central", "asia-pacific");
  public static final List<String> PRODUCTS = List.of("laptop", "phone", "tablet", "headphones", "camera");

  /** The partition columns the lakehouse uses. */
  public static final List<String> PARTITION_COLUMNS = List.of("region", "year", "month");

  public static final StructType SCHEMA =
      StructType.builder()
          .add("transaction_id", PrimitiveType.LONG)
          .add("product", PrimitiveType.STRING)
          .add("quantity", PrimitiveType.INT)
          .add("price", Types.decimal(10, 2))
          .add("region", PrimitiveType.STRING)
          .add("sale_date", PrimitiveType.DATE)
          .add("year", PrimitiveType.INT)
          .add("month", PrimitiveType.INT)
          .build();

  /** Rows 1..n from a fresh {@code Random(42)}. */
  public static Iterable<Row> rows(int n) {
    return rows(1, n, 42);
  }

  /**
   * Rows with transaction ids {@code first .. first + n - 1}, drawn from {@code Random(seed)};
   * the regions, products and dates follow the ids.
   */
  public static Iterable<Row> rows(long first, int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("Invalid row count: " + n);
    }
    return () -> new Iterator<>() {
      private final Random random = new Random(seed);
      private long i = first;

      @Override
      public boolean hasNext() {
        return i < first + n;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return row(i++, random);
      }
    };
  }

  private static Row row(long i, Random random) {
    int quantity = 1 + random.nextInt(10);
    BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(99_901), 2);
    int month = (int) (i % 12) + 1;
    int day = (int) (i % 28) + 1;
    return Row.of(
        SCHEMA,
        i,
        PRODUCTS.get((int) (i % 5)),
        quantity,
        price,
        REGIONS.get((int) (i % 4)),
        LocalDate.of(2024, month, day),
        2024,
        month);
  }
}
