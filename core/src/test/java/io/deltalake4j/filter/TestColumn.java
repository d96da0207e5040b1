package io.deltalake4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.filter.Filter.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestColumn {

  private final Column price = Column.of("price");

  @Test
  void parseSplitsADottedNameIntoAPath() {
    assertThat(Column.parse("address.city").path()).containsExactly("address", "city");
    assertThat(Column.parse("address.city").name()).isEqualTo("address.city");
  }

  @Test
  void ofKeepsDotsInsideNames() {
    assertThat(Column.of("a.b").path()).containsExactly("a.b");
    assertThat(Column.of("a.b")).isNotEqualTo(Column.parse("a.b"));
  }

  @Test
  void rejectsEmptyNames() {
    assertThatThrownBy(() -> Column.parse("a..b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid column name: [a, , b]");
    assertThatThrownBy(() -> Column.of())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid column name: []");
  }

  @Test
  void equalsAndHashCodeFollowThePath() {
    assertThat(Column.parse("a.b")).isEqualTo(Column.of("a", "b"));
    assertThat(Column.parse("a.b")).hasSameHashCodeAs(Column.of("a", "b"));
    assertThat(Column.of("A")).isNotEqualTo(Column.of("a"));
  }

  @Test
  void comparisonMethodsBuildComparisons() {
    assertThat(price.eq(1)).isEqualTo(new Filter.Comparison(price, Op.EQ, 1));
    assertThat(price.ne(1)).isEqualTo(new Filter.Comparison(price, Op.NE, 1));
    assertThat(price.lt(1)).isEqualTo(new Filter.Comparison(price, Op.LT, 1));
    assertThat(price.le(1)).isEqualTo(new Filter.Comparison(price, Op.LE, 1));
    assertThat(price.gt(1)).isEqualTo(new Filter.Comparison(price, Op.GT, 1));
    assertThat(price.ge(1)).isEqualTo(new Filter.Comparison(price, Op.GE, 1));
  }

  @Test
  void betweenIsInclusiveOnBothEnds() {
    assertThat(price.between(10, 20)).isEqualTo(price.ge(10).and(price.le(20)));
  }

  @Test
  void inTakesValuesOrACollectionIncludingNull() {
    assertThat(price.in(1, 2)).isEqualTo(new Filter.In(price, List.of(1, 2)));
    assertThat(price.in(List.of(1, 2))).isEqualTo(price.in(1, 2));
    assertThat(((Filter.In) price.in(1, null)).values()).isEqualTo(Arrays.asList(1, null));
  }

  @Test
  void inCopiesItsValues() {
    List<Object> values = new ArrayList<>(List.of(1, 2));
    Filter.In in = (Filter.In) price.in(values);
    values.add(3);
    assertThat(in.values()).containsExactly(1, 2);
    assertThatThrownBy(() -> in.values().add(4))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(null);
  }

  @Test
  void inNeedsAtLeastOneValue() {
    assertThatThrownBy(() -> price.in())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid IN filter on price: no values");
  }

  @Test
  void nullTestsAndPatternsBuildTheirFilters() {
    assertThat(price.isNull()).isEqualTo(new Filter.IsNull(price));
    assertThat(price.isNotNull()).isEqualTo(new Filter.IsNotNull(price));
    assertThat(price.startsWith("ab")).isEqualTo(new Filter.StartsWith(price, "ab"));
    assertThat(price.like("a%b")).isEqualTo(new Filter.Like(price, "a%b"));
  }
}
