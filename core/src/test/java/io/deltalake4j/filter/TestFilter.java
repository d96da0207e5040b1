package io.deltalake4j.filter;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.InvalidFilterException;
import org.junit.jupiter.api.Test;

class TestFilter {

  private final Filter a = col("a").eq(1L);
  private final Filter b = col("b").eq(2L);

  @Test
  void colParsesDottedNames() {
    assertThat(col("address.city")).isEqualTo(Column.of("address", "city"));
  }

  @Test
  void andOrAndNegateBuildTrees() {
    assertThat(a.and(b)).isEqualTo(new Filter.And(a, b));
    assertThat(a.or(b)).isEqualTo(new Filter.Or(a, b));
    assertThat(a.negate()).isEqualTo(new Filter.Not(a));
    assertThat(Filter.and(a, b)).isEqualTo(a.and(b));
    assertThat(Filter.or(a, b)).isEqualTo(a.or(b));
    assertThat(Filter.not(a)).isEqualTo(a.negate());
  }

  @Test
  void buildingLeavesTheOriginalsUnchanged() {
    Filter combined = a.and(b);
    assertThat(a).isEqualTo(col("a").eq(1L));
    assertThat(combined.or(a)).isNotEqualTo(combined);
  }

  @Test
  void parseReadsSqlText() {
    assertThat(Filter.parse("a = 1 AND b = 2")).isEqualTo(a.and(b));
  }

  @Test
  void parseReportsErrorsAsInvalidFilterException() {
    assertThatThrownBy(() -> Filter.parse("a = "))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageStartingWith("Cannot parse filter at position 4: expected a literal after '='");
  }

  @Test
  void toStringIsFilterText() {
    assertThat(a.and(b.negate())).hasToString("a = 1 AND NOT (b = 2)");
  }

  @Test
  void nodesRejectNullParts() {
    assertThatThrownBy(() -> a.and(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("right");
    assertThatThrownBy(() -> new Filter.Comparison(null, Filter.Op.EQ, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("column");
    assertThatThrownBy(() -> col("a").startsWith(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("prefix");
  }
}
