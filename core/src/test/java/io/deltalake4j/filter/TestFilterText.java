package io.deltalake4j.filter;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestFilterText {

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource
  void writesColumnsBareWhenPossibleAndBackquotedOtherwise(Column column, String text) {
    assertThat(FilterText.column(column)).isEqualTo(text);
    assertThat(column).hasToString(text);
  }

  static Stream<Arguments> writesColumnsBareWhenPossibleAndBackquotedOtherwise() {
    return Stream.of(
        Arguments.of(Column.of("price"), "price"),
        Arguments.of(Column.of("_id2"), "_id2"),
        Arguments.of(Column.of("date"), "date"),
        Arguments.of(Column.of("unit price"), "`unit price`"),
        Arguments.of(Column.of("a`b"), "`a``b`"),
        Arguments.of(Column.of("and"), "`and`"),
        Arguments.of(Column.of("NULL"), "`NULL`"),
        Arguments.of(Column.of("1st"), "`1st`"),
        Arguments.of(Column.of("größe"), "`größe`"),
        Arguments.of(Column.parse("address.city"), "address.city"),
        Arguments.of(Column.of("a.b"), "`a.b`"),
        Arguments.of(Column.of("a", "b c", "in"), "a.`b c`.`in`"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource
  void writesLiteralsOfEachJavaType(Object value, String text) {
    assertThat(col("a").eq(value)).hasToString("a = " + text);
  }

  static Stream<Arguments> writesLiteralsOfEachJavaType() {
    return Stream.of(
        Arguments.of(null, "NULL"),
        Arguments.of("it's", "'it''s'"),
        Arguments.of("", "''"),
        Arguments.of(true, "TRUE"),
        Arguments.of(false, "FALSE"),
        Arguments.of(42L, "42"),
        Arguments.of(-42, "-42"),
        Arguments.of((short) 7, "7"),
        Arguments.of((byte) -1, "-1"),
        Arguments.of(new BigInteger("123456789012345678901234567890"),
            "123456789012345678901234567890"),
        Arguments.of(new BigDecimal("12.30"), "12.30"),
        Arguments.of(new BigDecimal("1E+3"), "1000"),
        Arguments.of(new BigDecimal("-0.001"), "-0.001"),
        Arguments.of(1.5, "1.5E0"),
        Arguments.of(100.0, "100.0E0"),
        Arguments.of(1e20, "1.0E20"),
        Arguments.of(-2.5e-7, "-2.5E-7"),
        Arguments.of(0.25f, "0.25E0"),
        Arguments.of(Double.NaN, "'NaN'"),
        Arguments.of(Double.NEGATIVE_INFINITY, "'-Infinity'"),
        Arguments.of(Float.POSITIVE_INFINITY, "'Infinity'"),
        Arguments.of(LocalDate.of(2024, 1, 31), "DATE '2024-01-31'"),
        Arguments.of(LocalDateTime.of(2024, 1, 31, 9, 5, 7), "TIMESTAMP '2024-01-31 09:05:07'"),
        Arguments.of(LocalDateTime.of(2024, 1, 31, 9, 5, 7, 100_000_000),
            "TIMESTAMP '2024-01-31 09:05:07.1'"),
        Arguments.of(LocalDateTime.of(2024, 1, 31, 9, 5, 7, 123_456_000),
            "TIMESTAMP '2024-01-31 09:05:07.123456'"),
        Arguments.of(LocalDateTime.of(2024, 1, 31, 9, 5, 7, 1),
            "TIMESTAMP '2024-01-31 09:05:07.000000001'"),
        Arguments.of(Instant.parse("2024-01-31T09:05:07.25Z"),
            "TIMESTAMP '2024-01-31 09:05:07.25'"),
        Arguments.of(new byte[] {(byte) 0xCA, (byte) 0xFE, 0x01}, "X'CAFE01'"),
        Arguments.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "'00000000-0000-0000-0000-000000000001'"));
  }

  @Test
  void writesEachPredicate() {
    assertThat(col("a").ne(1L)).hasToString("a != 1");
    assertThat(col("a").isNull()).hasToString("a IS NULL");
    assertThat(col("a").isNotNull()).hasToString("a IS NOT NULL");
    assertThat(col("a").in("x", null, 2L)).hasToString("a IN ('x', NULL, 2)");
    assertThat(col("a").startsWith("ab'c")).hasToString("a LIKE 'ab''c%'");
    assertThat(col("a").like("a_b%c")).hasToString("a LIKE 'a_b%c'");
    assertThat(col("a").between(1L, 2L)).hasToString("a >= 1 AND a <= 2");
    assertThat(col("a").eq(1L).negate()).hasToString("NOT (a = 1)");
  }

  @Test
  void writesAPrefixWithWildcardsWithAnEscape() {
    assertThat(col("a").startsWith("50%_off\\"))
        .hasToString("a LIKE '50\\%\\_off\\\\%' ESCAPE '\\'");
    assertThat(col("a").startsWith("c:\\dir")).hasToString("a LIKE 'c:\\dir%'");
  }

  @Test
  void parenthesizesMixedAndOrAndRightNestedChains() {
    Filter a = col("a").eq(1L);
    Filter b = col("b").eq(2L);
    Filter c = col("c").eq(3L);
    assertThat(a.or(b).and(c)).hasToString("(a = 1 OR b = 2) AND c = 3");
    assertThat(a.and(b).or(c)).hasToString("(a = 1 AND b = 2) OR c = 3");
    assertThat(a.and(b).and(c)).hasToString("a = 1 AND b = 2 AND c = 3");
    assertThat(a.and(b.and(c))).hasToString("a = 1 AND (b = 2 AND c = 3)");
    assertThat(a.or(b.or(c))).hasToString("a = 1 OR (b = 2 OR c = 3)");
    assertThat(a.and(b).negate()).hasToString("NOT (a = 1 AND b = 2)");
    assertThat(a.negate().and(b.negate())).hasToString("NOT (a = 1) AND NOT (b = 2)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void readsBackToAnEqualFilter(Filter filter) {
    assertThat(Filter.parse(filter.toString())).isEqualTo(filter);
  }

  static Stream<Filter> readsBackToAnEqualFilter() {
    Filter a = col("a").eq(1L);
    Filter b = col("b").ge(new BigDecimal("2.50"));
    Filter c = col("c").isNull();
    return Stream.of(
        a.or(b).and(c),
        a.and(b.or(c)),
        a.and(b.and(c)),
        a.or(b).or(c.negate()),
        a.negate().negate(),
        col("price").between(new BigDecimal("9.99"), new BigDecimal("100.00")),
        col("region").in("us", "eu", null).negate(),
        col("x").ne("it's ``quoted`` \\ and % and _"),
        col("d").eq(LocalDate.of(1, 1, 1)),
        col("d").lt(LocalDate.of(12345, 6, 7)),
        col("d").gt(LocalDate.of(-44, 3, 15)),
        col("t").le(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000)),
        col("n").eq(-0.0),
        col("n").eq(Double.MIN_VALUE),
        col("n").eq(Double.MAX_VALUE),
        col("n").eq(Long.MIN_VALUE),
        col("n").eq(new BigDecimal("-99999999999999999999999")),
        col("flag").eq(true).and(col("other").ne(false)),
        col("v").eq(null),
        Column.of("weird `name`", "with.dot", "and").isNotNull(),
        Column.of("date").eq(LocalDate.of(2024, 1, 1)),
        Column.of("x").eq("y"),
        col("s").startsWith("50%_off\\"),
        col("s").startsWith(""),
        col("s").like("%mid%"),
        col("s").like("a\\_b"),
        col("s").like("it''s_"));
  }

  @Test
  void readsBackPrefixLikesAsTheEquivalentStartsWith() {
    assertThat(Filter.parse(col("s").like("abc%").toString()))
        .isEqualTo(col("s").startsWith("abc"));
  }
}
