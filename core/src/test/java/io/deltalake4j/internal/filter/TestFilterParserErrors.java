package io.deltalake4j.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.InvalidFilterException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestFilterParserErrors {

  /** Asserts the parse fails at the position, with the reason in the message. */
  private static void assertFails(String text, int position, String reason) {
    assertThatThrownBy(() -> FilterParser.parse(text))
        .isInstanceOfSatisfying(
            InvalidFilterException.class,
            e -> {
              assertThat(e.position()).hasValue(position);
              assertThat(e.getMessage())
                  .startsWith("Cannot parse filter at position " + position + ": ")
                  .contains(reason);
            });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void failsWithThePositionAndReason(String text, int position, String reason) {
    assertFails(text, position, reason);
  }

  static Stream<Arguments> failsWithThePositionAndReason() {
    return Stream.of(
        Arguments.of("", 0, "the filter is empty. Write a condition, e.g. price >= 100."),
        Arguments.of("  \n ", 4, "the filter is empty"),
        Arguments.of("price >= ", 9, "expected a literal after '>=' but found end of input. Use a"),
        Arguments.of("price = 'abc", 8, "the string starting here has no closing quote. End it"),
        Arguments.of("`abc = 1", 0, "the column name starting here has no closing backquote"),
        Arguments.of("a = X'CAF", 4, "the hex literal starting here has no closing quote"),
        Arguments.of("a = X'CAF'", 4, "invalid hex literal X'CAF'. Use two hex digits per byte"),
        Arguments.of("a = X'ZZ'", 4, "invalid hex literal X'ZZ'"),
        Arguments.of(
            "a = b", 4, "expected a literal after '=' but found 'b'. Comparing two columns"),
        Arguments.of("a = `b`", 4, "but found column `b`. Comparing two columns is not supported"),
        Arguments.of("a == 1", 3, "expected a literal after '=' but found '='"),
        Arguments.of("1 = 2", 4, "expected a column after '=' but found '2'. Comparing two values"),
        Arguments.of("1 = AND", 4, "expected a column after '=' but found 'AND'"),
        Arguments.of("1 IS NULL", 2, "expected a comparison operator after '1' but found 'IS'"),
        Arguments.of("a", 1, "expected an operator (=, !=, <>, <, <=, >, >=, IN, IS, BETWEEN or "
            + "LIKE) after column a but found end of input"),
        Arguments.of("a NOT = 1", 6, "expected IN, BETWEEN or LIKE after NOT but found '='"),
        Arguments.of("a IS 1", 5, "expected NULL or NOT NULL after IS but found '1'"),
        Arguments.of("a IS NOT TRUE", 9, "expected NULL after IS NOT but found 'TRUE'"),
        Arguments.of("a IN 1", 5, "expected '(' after IN but found '1'"),
        Arguments.of("a IN ()", 6, "the IN list is empty. List at least one value"),
        Arguments.of("a IN (1,)", 8, "expected a literal in the IN list but found ')'"),
        Arguments.of("a IN (1 2)", 8, "expected ',' or ')' in the IN list but found '2'"),
        Arguments.of("a IN (1", 7, "expected ',' or ')' in the IN list but found end of input"),
        Arguments.of("a BETWEEN 1 OR 2", 12, "expected AND after the BETWEEN lower bound"),
        Arguments.of("a BETWEEN 1 AND", 15, "expected a literal after BETWEEN ... AND"),
        Arguments.of("a LIKE 5", 7, "expected a 'pattern' after LIKE but found '5'"),
        Arguments.of("a LIKE 'x' ESCAPE", 17, "expected an escape character after ESCAPE"),
        Arguments.of("a LIKE 'x%' ESCAPE 'ab'", 19, "the ESCAPE string must be one character"),
        Arguments.of("a LIKE 'x%' ESCAPE '%'", 19, "the ESCAPE string must be one character"),
        Arguments.of("a LIKE 'x\\y%' ESCAPE '\\'", 7,
            "the escape character '\\' at index 1 of the pattern is not followed by %, _ or"),
        Arguments.of("a LIKE 'x\\' ESCAPE '\\'", 7, "at index 1 of the pattern is not followed"),
        Arguments.of("a LIKE '%x\\%' ESCAPE '\\'", 7,
            "an escaped % or _ is supported only in a prefix pattern"),
        Arguments.of("a LIKE 'x\\_y_%' ESCAPE '\\'", 7, "supported only in a prefix pattern"),
        Arguments.of("a = 1 b = 2", 6, "expected AND, OR or the end of the filter but found 'b'. "
            + "Join conditions with AND or OR."),
        Arguments.of("a = 1)", 5, "but found ')'. Remove it, or add the matching '('."),
        Arguments.of("(a = 1", 6, "expected ')' to close the '(' at position 0 but found end"),
        Arguments.of("AND a = 1", 0, "expected a column, NOT or '(' but found 'AND'"),
        Arguments.of("region = 'us-east' AND AND month = 1", 23,
            "expected a column, NOT or '(' but found 'AND'. Start each condition with a column"),
        Arguments.of("a = 1 AND", 9, "expected a column, NOT or '(' but found end of input"),
        Arguments.of("a = 1 OR OR b = 1", 9, "expected a column, NOT or '(' but found 'OR'"),
        Arguments.of("'x' IS NULL", 4, "expected a comparison operator after the string 'x'"),
        Arguments.of("a.1 = 2", 2, "expected a field name after '.' but found '1'"),
        Arguments.of("a. = 2", 3, "expected a field name after '.' but found '='"),
        Arguments.of("`` = 1", 0, "the column name is empty"),
        Arguments.of("a.`` = 1", 2, "the column name is empty"),
        Arguments.of("a = 1e999", 4, "the number 1e999 is too large for a double"),
        Arguments.of("a = 12abc", 6, "unexpected character 'a' after the number 12"),
        Arguments.of("a = 1e", 5, "unexpected character 'e' after the number 1"),
        Arguments.of("a # 1", 2, "unexpected character '#'. Put column names with characters "
            + "other than letters, digits and '_' in backquotes, e.g. `unit price` > 10."),
        Arguments.of("größe = 1", 2, "unexpected character 'ö'"),
        Arguments.of("a = -b", 4, "unexpected character '-'"),
        Arguments.of("a ! 1", 2, "unexpected character '!'"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void rejectsInvalidDatesAndTimestamps(String text, String reason) {
    assertFails(text, 9 + (text.startsWith("t = T") ? 5 : 0), reason);
  }

  static Stream<Arguments> rejectsInvalidDatesAndTimestamps() {
    String dateFix = "Use DATE 'YYYY-MM-DD', e.g. DATE '2024-01-31'.";
    String tsFix =
        "Use TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.ffffff]', e.g. TIMESTAMP '2024-01-31 13:45:00'.";
    return Stream.of(
        Arguments.of("d = DATE '2024-13-01'",
            "invalid date '2024-13-01' (Invalid value for MonthOfYear (valid values 1 - 12): 13). "
                + dateFix),
        Arguments.of("d = DATE '2023-02-29'", "invalid date '2023-02-29' (Invalid date "),
        Arguments.of("d = DATE '24-1-1'", "invalid date '24-1-1'. " + dateFix),
        Arguments.of("d = DATE '2024-01-31 10:00:00'", "invalid date '2024-01-31 10:00:00'"),
        Arguments.of("t = TIMESTAMP '2024-01-31 25:00:00'",
            "invalid timestamp '2024-01-31 25:00:00' (Invalid value for HourOfDay"),
        Arguments.of("t = TIMESTAMP '2024-01-31 10:00:00.1234567'",
            "invalid timestamp '2024-01-31 10:00:00.1234567'. " + tsFix),
        Arguments.of("t = TIMESTAMP '2024-01-31'", "invalid timestamp '2024-01-31'. " + tsFix),
        Arguments.of("t = TIMESTAMP '2024-01-31T10:00:00Z'", "invalid timestamp"));
  }

  @Test
  void showsTheTextWithACaretUnderTheError() {
    assertThatThrownBy(() -> FilterParser.parse("price >= 10 AND\tqty ="))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot parse filter at position 21: expected a literal after '=' but found end of "
                + "input. Use a number, a 'string', DATE 'YYYY-MM-DD', TIMESTAMP 'YYYY-MM-DD "
                + "HH:MM:SS', TRUE, FALSE or NULL, e.g. price >= 100.\n"
                + "  price >= 10 AND qty =\n"
                + "                       ^");
  }

  @Test
  void showsOnlyTheTextAroundTheErrorInLongFilters() {
    String text = "a = 1 AND ".repeat(10) + "b = = 2" + " AND c = 3".repeat(10);
    int position = 104;
    assertFails(text, position, "expected a literal after '=' but found '='");
    assertThatThrownBy(() -> FilterParser.parse(text))
        .hasMessageEndingWith(
            "\n  ..." + text.substring(position - 40, position + 40) + "...\n"
                + " ".repeat(5 + 40) + "^");
  }

  @Test
  void limitsNestingDepth() {
    String deep = "(".repeat(250) + "a = 1" + ")".repeat(250);
    assertFails(deep, 200, "parentheses and NOT nest more than 200 deep. Simplify the filter.");
    assertFails("NOT ".repeat(250) + "a = 1", 800, "nest more than 200 deep");
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String deep = "(".repeat(200) + "a = 1" + ")".repeat(200);
    assertThat(FilterParser.parse(deep)).isEqualTo(FilterParser.parse("a = 1"));
  }

  @Test
  void rejectsNullText() {
    assertThatThrownBy(() -> FilterParser.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("filter text");
  }
}
