package io.deltalake4j.internal.filter;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.filter.Column;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.filter.Filter.Op;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestFilterParser {

  private static Filter parse(String text) {
    return FilterParser.parse(text);
  }

  private static Object literal(String text) {
    return ((Filter.Comparison) parse("a = " + text)).value();
  }

  @ParameterizedTest
  @CsvSource({"=, EQ", "!=, NE", "<>, NE", "<, LT", "<=, LE", ">, GT", ">=, GE"})
  void readsEachComparisonOperator(String symbol, Op op) {
    assertThat(parse("price " + symbol + " 100"))
        .isEqualTo(new Filter.Comparison(col("price"), op, 100L));
  }

  @ParameterizedTest
  @CsvSource({"=, EQ", "!=, NE", "<, GT", "<=, GE", ">, LT", ">=, LE"})
  void flipsTheOperatorWhenTheLiteralComesFirst(String symbol, Op flipped) {
    assertThat(parse("100 " + symbol + " price"))
        .isEqualTo(new Filter.Comparison(col("price"), flipped, 100L));
  }

  @Test
  void bindsNotTighterThanAndAndAndTighterThanOr() {
    assertThat(parse("a = 1 OR b = 2 AND NOT c = 3"))
        .isEqualTo(col("a").eq(1L).or(col("b").eq(2L).and(col("c").eq(3L).negate())));
  }

  @Test
  void groupsChainsOfOneOperatorFromTheLeft() {
    assertThat(parse("a = 1 AND b = 2 AND c = 3"))
        .isEqualTo(col("a").eq(1L).and(col("b").eq(2L)).and(col("c").eq(3L)));
    assertThat(parse("a = 1 OR b = 2 OR c = 3"))
        .isEqualTo(col("a").eq(1L).or(col("b").eq(2L)).or(col("c").eq(3L)));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parse("(a = 1 OR b = 2) AND c = 3"))
        .isEqualTo(col("a").eq(1L).or(col("b").eq(2L)).and(col("c").eq(3L)));
    assertThat(parse("a = 1 AND (b = 2 AND c = 3)"))
        .isEqualTo(col("a").eq(1L).and(col("b").eq(2L).and(col("c").eq(3L))));
    assertThat(parse("NOT (a = 1 OR b = 2)"))
        .isEqualTo(col("a").eq(1L).or(col("b").eq(2L)).negate());
  }

  @Test
  void ignoresRedundantParentheses() {
    assertThat(parse("((a = 1))")).isEqualTo(col("a").eq(1L));
  }

  @Test
  void stacksNots() {
    assertThat(parse("NOT NOT a IS NULL")).isEqualTo(col("a").isNull().negate().negate());
  }

  @Test
  void readsKeywordsInAnyCase() {
    assertThat(parse("a = 1 and not b is not null Or c iN (true, False) AND d between 1 And 2"))
        .isEqualTo(
            parse("a = 1 AND NOT b IS NOT NULL OR c IN (TRUE, FALSE) AND d BETWEEN 1 AND 2"));
  }

  @Test
  void keepsColumnNamesCaseSensitive() {
    assertThat(parse("Price = 1")).isEqualTo(Column.of("Price").eq(1L));
  }

  @Test
  void needsNoSpacesAroundSymbolsAndAcceptsAnyWhitespace() {
    assertThat(parse("(a>=1)OR(b<>'x')")).isEqualTo(col("a").ge(1L).or(col("b").ne("x")));
    assertThat(parse("\n a\t>=\r\n 1 ")).isEqualTo(col("a").ge(1L));
  }

  @Test
  void readsInListsAndNotIn() {
    assertThat(parse("region IN ('us', 'eu')")).isEqualTo(col("region").in("us", "eu"));
    assertThat(parse("region IN ('us')")).isEqualTo(col("region").in("us"));
    assertThat(parse("region NOT IN ('us', NULL)"))
        .isEqualTo(col("region").in("us", null).negate());
  }

  @Test
  void readsIsNullAndIsNotNull() {
    assertThat(parse("a IS NULL")).isEqualTo(col("a").isNull());
    assertThat(parse("a IS NOT NULL")).isEqualTo(col("a").isNotNull());
  }

  @Test
  void expandsBetweenIntoInclusiveBounds() {
    assertThat(parse("price BETWEEN 10 AND 20")).isEqualTo(col("price").between(10L, 20L));
    assertThat(parse("price BETWEEN 10 AND 20"))
        .isEqualTo(col("price").ge(10L).and(col("price").le(20L)));
    assertThat(parse("price NOT BETWEEN 10 AND 20"))
        .isEqualTo(col("price").between(10L, 20L).negate());
  }

  @Test
  void takesTheFirstAndAfterBetweenAsPartOfIt() {
    assertThat(parse("a BETWEEN 1 AND 2 AND b = 3"))
        .isEqualTo(col("a").between(1L, 2L).and(col("b").eq(3L)));
  }

  @Test
  void turnsAPrefixPatternIntoStartsWith() {
    assertThat(parse("name LIKE 'abc%'")).isEqualTo(col("name").startsWith("abc"));
    assertThat(parse("name LIKE '%'")).isEqualTo(col("name").startsWith(""));
    assertThat(parse("name LIKE 'a\\b%'")).isEqualTo(col("name").startsWith("a\\b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a%b", "%a", "a_%", "_", "abc", "a%%", ""})
  void keepsOtherPatternsAsLike(String pattern) {
    assertThat(parse("name LIKE '" + pattern + "'")).isEqualTo(col("name").like(pattern));
  }

  @Test
  void negatesNotLike() {
    assertThat(parse("name NOT LIKE 'a%'")).isEqualTo(col("name").startsWith("a").negate());
  }

  @Test
  void escapeMakesWildcardsLiteralInAPrefix() {
    assertThat(parse("n LIKE '50\\%\\_off%' ESCAPE '\\'"))
        .isEqualTo(col("n").startsWith("50%_off"));
    assertThat(parse("n LIKE 'a!%%' escape '!'")).isEqualTo(col("n").startsWith("a%"));
    assertThat(parse("n LIKE 'a\\\\%' ESCAPE '\\'")).isEqualTo(col("n").startsWith("a\\"));
  }

  @Test
  void escapeWithoutEscapedWildcardsKeepsALike() {
    assertThat(parse("n LIKE 'a!!%b' ESCAPE '!'")).isEqualTo(col("n").like("a!%b"));
    assertThat(parse("n LIKE 'a_b' ESCAPE '!'")).isEqualTo(col("n").like("a_b"));
  }

  @Test
  void readsIntegersAsLongAndBeyondAsBigDecimal() {
    assertThat(literal("42")).isEqualTo(42L);
    assertThat(literal("-7")).isEqualTo(-7L);
    assertThat(literal("007")).isEqualTo(7L);
    assertThat(literal("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(literal("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(literal("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
  }

  @Test
  void readsDecimalsAsBigDecimalKeepingTheWrittenScale() {
    assertThat(literal("12.30")).isEqualTo(new BigDecimal("12.30"));
    assertThat(literal("-1.5")).isEqualTo(new BigDecimal("-1.5"));
    assertThat(literal("0.000")).isEqualTo(new BigDecimal("0.000"));
  }

  @Test
  void readsTheExponentFormAsDouble() {
    assertThat(literal("1e3")).isEqualTo(1000.0);
    assertThat(literal("1.5E-3")).isEqualTo(0.0015);
    assertThat(literal("-2e+2")).isEqualTo(-200.0);
  }

  @Test
  void readsStringsWithDoubledQuotes() {
    assertThat(literal("'it''s'")).isEqualTo("it's");
    assertThat(literal("''")).isEqualTo("");
    assertThat(literal("''''")).isEqualTo("'");
    assertThat(literal("'naïve ☃ \"x\" `y` \\n'")).isEqualTo("naïve ☃ \"x\" `y` \\n");
    assertThat(literal("'two\nlines'")).isEqualTo("two\nlines");
  }

  @Test
  void readsDates() {
    assertThat(literal("DATE '2024-01-31'")).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(literal("date '2024-02-29'")).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @ParameterizedTest
  @MethodSource
  void readsTimestampsAsLocalDateTimes(String text, LocalDateTime expected) {
    assertThat(literal(text)).isEqualTo(expected);
  }

  static Stream<Arguments> readsTimestampsAsLocalDateTimes() {
    LocalDateTime t = LocalDateTime.of(2024, 1, 31, 13, 45, 7);
    return Stream.of(
        Arguments.of("TIMESTAMP '2024-01-31 13:45:07'", t),
        Arguments.of("timestamp '2024-01-31T13:45:07'", t),
        Arguments.of("TIMESTAMP '2024-01-31 13:45:07.5'", t.withNano(500_000_000)),
        Arguments.of("TIMESTAMP '2024-01-31 13:45:07.000001'", t.withNano(1_000)),
        Arguments.of("TIMESTAMP '2024-01-31 13:45:07.123456'", t.withNano(123_456_000)));
  }

  @Test
  void readsBooleansAndNull() {
    assertThat(literal("TRUE")).isEqualTo(true);
    assertThat(literal("false")).isEqualTo(false);
    assertThat(literal("NULL")).isNull();
    assertThat(parse("a = NULL")).isEqualTo(col("a").eq(null));
  }

  @Test
  void readsHexAsBytes() {
    assertThat((byte[]) literal("X'CAFE'")).containsExactly(0xCA, 0xFE);
    assertThat((byte[]) literal("x'0a'")).containsExactly(0x0A);
    assertThat((byte[]) literal("X''")).isEmpty();
  }

  @Test
  void readsBackquotedNames() {
    assertThat(parse("`unit price` > 1")).isEqualTo(Column.of("unit price").gt(1L));
    assertThat(parse("`a``b` > 1")).isEqualTo(Column.of("a`b").gt(1L));
    assertThat(parse("`and` > 1")).isEqualTo(Column.of("and").gt(1L));
    assertThat(parse("`a.b` > 1")).isEqualTo(Column.of("a.b").gt(1L));
    assertThat(parse("`größe` > 1")).isEqualTo(Column.of("größe").gt(1L));
  }

  @Test
  void readsNestedColumns() {
    assertThat(parse("a.b.c = 1")).isEqualTo(Column.of("a", "b", "c").eq(1L));
    assertThat(parse("`a`.`b c` = 1")).isEqualTo(Column.of("a", "b c").eq(1L));
    assertThat(parse("a.`x.y` IS NULL")).isEqualTo(Column.of("a", "x.y").isNull());
    assertThat(parse("a.and = 1")).isEqualTo(Column.of("a", "and").eq(1L));
  }

  @Test
  void takesDateTimestampEscapeAndXAsColumnNamesWhereNoStringFollows() {
    assertThat(parse("date = DATE '2024-01-31'"))
        .isEqualTo(col("date").eq(LocalDate.of(2024, 1, 31)));
    assertThat(parse("timestamp IS NULL")).isEqualTo(col("timestamp").isNull());
    assertThat(parse("escape LIKE 'a%'")).isEqualTo(col("escape").startsWith("a"));
    assertThat(parse("x='a'")).isEqualTo(col("x").eq("a"));
    assertThat(parse("'a' = date")).isEqualTo(col("date").eq("a"));
  }

  @Test
  void readsComparisonsWithNullAndNullsInLists() {
    assertThat(parse("a != NULL")).isEqualTo(col("a").ne(null));
    Filter.In in = (Filter.In) parse("a IN (1, NULL, 'x')");
    assertThat(in.values()).isEqualTo(Arrays.asList(1L, null, "x"));
  }

  @Test
  void readsLiteralsOfMixedTypesInOneList() {
    Filter.In in = (Filter.In) parse("a IN (1, 2.5, 1e1, 'x', TRUE, DATE '2024-01-01')");
    assertThat(in.values())
        .isEqualTo(List.of(1L, new BigDecimal("2.5"), 10.0, "x", true, LocalDate.of(2024, 1, 1)));
  }

  @Test
  void reportsWhichNamesNeedBackquotes() {
    assertThat(FilterParser.isBareName("price_2")).isTrue();
    assertThat(FilterParser.isBareName("_x")).isTrue();
    assertThat(FilterParser.isBareName("date")).isTrue();
    assertThat(FilterParser.isBareName("And")).isFalse();
    assertThat(FilterParser.isBareName("2x")).isFalse();
    assertThat(FilterParser.isBareName("a b")).isFalse();
    assertThat(FilterParser.isBareName("größe")).isFalse();
    assertThat(FilterParser.isBareName("")).isFalse();
  }
}
