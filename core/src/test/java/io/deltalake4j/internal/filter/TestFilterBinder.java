package io.deltalake4j.internal.filter;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.filter.Column;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestFilterBinder {

  private static final StructType SALES = BinderSchemas.SALES;

  private static Filter bind(String text) {
    return FilterBinder.bind(Filter.parse(text), SALES);
  }

  @Test
  void convertsLiteralsThroughoutTheTreeAndKeepsItsShape() {
    Filter bound =
        bind(
            "(price BETWEEN 10 AND 20.5 OR quantity IN (1, 2)) AND NOT paid = TRUE "
                + "AND product LIKE 'ab%' AND product LIKE '%c' "
                + "AND ts >= TIMESTAMP '2024-01-31 12:00:00' "
                + "AND day IS NOT NULL AND tags IS NULL");
    Filter expected =
        col("price").between(new BigDecimal("10.00"), new BigDecimal("20.50"))
            .or(col("quantity").in(1, 2))
            .and(col("paid").eq(true).negate())
            .and(col("product").startsWith("ab"))
            .and(col("product").like("%c"))
            .and(col("ts").ge(Instant.parse("2024-01-31T12:00:00Z")))
            .and(col("day").isNotNull())
            .and(col("tags").isNull());
    assertThat(bound).isEqualTo(expected);
  }

  @Test
  void convertsEachValueOfAnInList() {
    Filter.In in = (Filter.In) bind("price IN (1, 2.5, NULL)");
    assertThat(in.values())
        .isEqualTo(Arrays.asList(new BigDecimal("1.00"), new BigDecimal("2.50"), null));
  }

  @Test
  void rejectsAnInListWithOneBadValue() {
    assertThatThrownBy(() -> bind("quantity IN (1, 2, 'three')"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot compare column 'quantity' of type int with 'three' (a string). "
                + "Use a number, e.g. quantity >= 100.");
  }

  @Test
  void keepsComparisonsWithNull() {
    assertThat(bind("price = NULL")).isEqualTo(col("price").eq(null));
  }

  @Test
  void resolvesNestedColumnsThroughStructs() {
    assertThat(bind("address.city = 'Paris' AND address.geo.lat > 48"))
        .isEqualTo(col("address.city").eq("Paris").and(col("address.geo.lat").gt(48.0)));
    assertThat(bind("address.geo IS NOT NULL")).isEqualTo(col("address.geo").isNotNull());
  }

  @Test
  void resolvesBackquotedNamesWithDots() {
    assertThat(bind("`a.b` = 1")).isEqualTo(Column.of("a.b").eq(1));
  }

  @Test
  void namesTheTableColumnsWhenAColumnIsMissing() {
    assertThatThrownBy(() -> bind("prise > 1"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessage(
            "Cannot find column 'prise' in filter: the table has columns [transaction_id, "
                + "product, price, rate, quantity, small, tiny, ratio, score, paid, payload, day, "
                + "ts, local_ts, address, tags, attrs, doc, Region, a.b]. Check the spelling; "
                + "names are case-sensitive.");
  }

  @Test
  void namesTheStructFieldsWhenANestedFieldIsMissing() {
    assertThatThrownBy(() -> bind("address.geo.lon > 1"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessage(
            "Cannot find column 'address.geo.lon' in filter: struct 'address.geo' has fields "
                + "[lat]. Check the spelling; names are case-sensitive.");
  }

  @Test
  void suggestsTheNameThatDiffersOnlyInCase() {
    assertThatThrownBy(() -> bind("region = 'eu'"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageEndingWith("Did you mean 'Region'? Names are case-sensitive.");
    assertThatThrownBy(() -> bind("address.CITY = 'x'"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageEndingWith("Did you mean 'city'? Names are case-sensitive.");
  }

  @Test
  void suggestsBackquotesForATopLevelNameWithADot() {
    assertThatThrownBy(() -> FilterBinder.bind(col("a.b").eq(1), SALES))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageStartingWith("Cannot find column 'a.b' in filter: the table has columns [")
        .hasMessageEndingWith(
            "The table has a column named 'a.b'; write it in backquotes, `a.b`, or use "
                + "Column.of(\"a.b\").");
  }

  @Test
  void rejectsADotAfterANonStructColumn() {
    assertThatThrownBy(() -> bind("price.amount > 1"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessage(
            "Cannot find column 'price.amount' in filter: 'price' is of type decimal(10,2), not a "
                + "struct. Only fields of struct columns can follow a dot.");
    assertThatThrownBy(() -> bind("tags.x IS NULL"))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("'tags' is of type array<string>, not a struct.");
  }

  @Test
  void shortensLongColumnLists() {
    StructType.Builder wide = StructType.builder();
    for (int i = 0; i < 35; i++) {
      wide.add("c" + i, PrimitiveType.INT);
    }
    assertThatThrownBy(() -> FilterBinder.bind(col("x").eq(1), wide.build()))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("c28, c29, ... (5 more)]. Check the spelling");
  }

  @Test
  void allowsOnlyNullTestsOnStructArrayAndMapColumns() {
    assertThat(bind("address IS NULL AND tags IS NOT NULL AND attrs IS NULL"))
        .isEqualTo(col("address").isNull().and(col("tags").isNotNull()).and(col("attrs").isNull()));
    assertThatThrownBy(() -> bind("address = 'x'"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot compare column 'address' of type struct<city:string,geo:struct<lat:double>>: "
                + "only columns of primitive and decimal types can be compared with values. "
                + "Compare one of its fields, such as address.city, or test it with IS NULL or "
                + "IS NOT NULL.");
    assertThatThrownBy(() -> bind("tags IN ('a')"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot compare column 'tags' of type array<string>: only columns of primitive and "
                + "decimal types can be compared with values. Test it with IS NULL or IS NOT "
                + "NULL instead.");
    assertThatThrownBy(() -> bind("attrs = NULL"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageStartingWith("Cannot compare column 'attrs' of type map<string,string>: ");
  }

  @Test
  void requiresStringColumnsForLikeAndStartsWith() {
    assertThatThrownBy(() -> bind("quantity LIKE '1%'"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot match column 'quantity' of type int with startsWith: LIKE and startsWith need "
                + "a string column. Compare it with =, <, > or IN instead.");
    assertThatThrownBy(() -> bind("day LIKE '%1'"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot match column 'day' of type date with LIKE: LIKE and startsWith need a string "
                + "column. Compare it with =, <, > or IN instead.");
  }

  @Test
  void rejectsEveryUseOfAVariantColumn() {
    String message =
        "Cannot filter on column 'doc': variant columns are not supported yet. Filter on other "
            + "columns, or filter the rows after reading them.";
    assertThatThrownBy(() -> bind("doc = 'x'"))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> bind("doc IS NULL"))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> bind("doc LIKE 'x%'"))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage(message);
  }

  @Test
  void boundFiltersPrintTextThatBindsBackToThemselves() {
    Filter bound =
        FilterBinder.bind(
            col("tiny").eq(1)
                .and(col("small").in(2, 3))
                .and(col("quantity").ne(4))
                .and(col("ratio").lt(0.1f))
                .and(col("score").ge(Double.NaN))
                .and(col("price").le(new BigDecimal("5")))
                .and(col("day").eq(LocalDate.of(2024, 1, 31)))
                .and(col("ts").gt(Instant.parse("2024-01-31T12:00:00.123456Z")))
                .and(col("local_ts").lt(LocalDateTime.of(2024, 1, 31, 12, 0)))
                .and(col("product").startsWith("a%b"))
                .or(col("paid").eq(false)),
            SALES);
    assertThat(FilterBinder.bind(Filter.parse(bound.toString()), SALES)).isEqualTo(bound);
  }

  @Test
  void listsTheColumnsAFilterUsesInOrderWithoutRepeats() {
    Filter filter =
        Filter.parse("b = 1 AND (a.x = 2 OR NOT b IS NULL) AND `a`.y LIKE 'z%' AND a.x IN (1)");
    assertThat(FilterBinder.columns(filter))
        .containsExactly(col("b"), col("a.x"), col("a.y"));
    assertThat(FilterBinder.topLevelColumns(filter)).containsExactly("b", "a");
  }

  @Test
  void listsColumnsOfEveryLeafKind() {
    Filter filter =
        col("c1").eq(1)
            .and(col("c2").isNull())
            .and(col("c3").isNotNull())
            .and(col("c4").in(1))
            .and(col("c5").startsWith("x"))
            .and(col("c6").like("x"));
    assertThat(FilterBinder.topLevelColumns(filter))
        .containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> FilterBinder.bind(null, SALES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("filter");
    assertThatThrownBy(() -> FilterBinder.bind(col("a").eq(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("schema");
  }
}
