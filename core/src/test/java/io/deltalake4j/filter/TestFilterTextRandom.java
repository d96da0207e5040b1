package io.deltalake4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Writes random filters with the parser's literal types as text and reads them back. */
class TestFilterTextRandom {

  private static final String[] NAMES = {
    "a", "price", "_x1", "date", "x", "AND", "in", "unit price", "a.b", "`", "größe", "1st", "é"
  };
  private static final String CHARS = "ab'`\\%_ .\n☃\"é";

  private final Random random = new Random(20240131);

  @Test
  void readsRandomFiltersBackToEqualFilters() {
    for (int i = 0; i < 500; i++) {
      Filter filter = filter(4);
      String text = filter.toString();
      assertThat(Filter.parse(text)).as(text).isEqualTo(filter);
    }
  }

  private Filter filter(int depth) {
    int kind = random.nextInt(depth > 0 ? 11 : 8);
    Column column = column();
    switch (kind) {
      case 0:
      case 1:
        return new Filter.Comparison(column, Filter.Op.values()[random.nextInt(6)], literal());
      case 2:
        return column.isNull();
      case 3:
        return column.isNotNull();
      case 4:
        List<Object> values = new ArrayList<>();
        for (int n = random.nextInt(4); n >= 0; n--) {
          values.add(literal());
        }
        return column.in(values);
      case 5:
        return column.startsWith(string());
      case 6:
        return column.like(string() + (random.nextBoolean() ? "_" : "%x"));
      case 7:
        return column.between(literal(), literal());
      case 8:
        return filter(depth - 1).and(filter(depth - 1));
      case 9:
        return filter(depth - 1).or(filter(depth - 1));
      default:
        return filter(depth - 1).negate();
    }
  }

  private Column column() {
    String[] path = new String[1 + random.nextInt(3)];
    for (int i = 0; i < path.length; i++) {
      path[i] = NAMES[random.nextInt(NAMES.length)];
    }
    return Column.of(path);
  }

  private Object literal() {
    switch (random.nextInt(9)) {
      case 0:
        return random.nextLong();
      case 1:
        return BigDecimal.valueOf(random.nextLong(), 1 + random.nextInt(10));
      case 2:
        return new BigDecimal(new BigInteger(100, random)).negate();
      case 3:
        double d = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(d) ? d : 0.5;
      case 4:
        return string();
      case 5:
        return random.nextBoolean();
      case 6:
        return null;
      case 7:
        return LocalDate.ofEpochDay(random.nextInt(3_000_000) - 1_000_000);
      default:
        return LocalDateTime.of(LocalDate.ofEpochDay(random.nextInt(100_000)), java.time.LocalTime
            .ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000));
    }
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) {
      s.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return s.toString();
  }
}
