package io.deltalake4j.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestSalesData {

  @Test
  void firstRowsFollowTheSeededGenerator() {
    List<Row> rows = list(SalesData.rows(2));
    Random random = new Random(42);
    int quantity = 1 + random.nextInt(10);
    BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(99_901), 2);

    Row first = rows.get(0);
    assertThat(first.getLong("transaction_id")).isEqualTo(1L);
    assertThat(first.getString("product")).isEqualTo("phone");
    assertThat(first.getInt("quantity")).isEqualTo(quantity);
    assertThat(first.getDecimal("price")).isEqualTo(price);
    assertThat(first.getDecimal("price").scale()).isEqualTo(2);
    assertThat(first.getString("region")).isEqualTo("us-west");
    assertThat(first.getDate("sale_date")).isEqualTo(LocalDate.of(2024, 2, 2));
    assertThat(first.getInt("year")).isEqualTo(2024);
    assertThat(first.getInt("month")).isEqualTo(2);
    assertThat(list(SalesData.rows(2))).isEqualTo(rows);
  }

  @Test
  void fiftyThousandRowsHoldTwelvePartitionsAndTheDocumentedMonthOneCount() {
    Set<List<Object>> partitions = new HashSet<>();
    int monthOne = 0;
    int usEastMonthThree = 0;
    for (Row r : SalesData.rows(50_000)) {
      partitions.add(List.of(r.get("region"), r.get("year"), r.get("month")));
      monthOne += r.getInt("month") == 1 ? 1 : 0;
      usEastMonthThree += r.getString("region").equals("us-east") && r.getInt("month") == 3 ? 1 : 0;
      assertThat(r.getDecimal("price")).isBetween(new BigDecimal("1.00"), new BigDecimal("1000.00"));
    }

    assertThat(partitions).hasSize(12);
    assertThat(monthOne).isEqualTo(4_166);
    assertThat(usEastMonthThree).isZero();
  }

  @Test
  void rowsFromAnOffsetContinueTheIds() {
    List<Row> rows = list(SalesData.rows(101, 3, 7));

    assertThat(rows).extracting(r -> r.getLong("transaction_id")).containsExactly(101L, 102L, 103L);
    assertThat(rows.get(0).getString("region")).isEqualTo("us-west");
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> SalesData.rows(1, -1, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid row count: -1");
  }

  private static List<Row> list(Iterable<Row> rows) {
    List<Row> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }
}
