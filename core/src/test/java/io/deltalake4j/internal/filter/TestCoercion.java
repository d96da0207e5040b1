package io.deltalake4j.internal.filter;

import static io.deltalake4j.filter.Filter.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.filter.Filter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Literal conversion, through {@link FilterBinder#bind}, for a column of each type. */
class TestCoercion {

  private static final LocalDateTime NOON = LocalDateTime.of(2024, 1, 31, 12, 0);

  private static Object bound(String column, Object value) {
    Filter filter = FilterBinder.bind(col(column).eq(value), BinderSchemas.SALES);
    return ((Filter.Comparison) filter).value();
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource
  void convertsValuesThatFitExactly(String column, Object value, Object expected) {
    Object result = bound(column, value);
    assertThat(result).isEqualTo(expected);
    assertThat(result).isExactlyInstanceOf(expected.getClass());
  }

  static Stream<Arguments> convertsValuesThatFitExactly() {
    return Stream.of(
        Arguments.of("paid", true, true),
        Arguments.of("tiny", 5L, (byte) 5),
        Arguments.of("tiny", -128L, (byte) -128),
        Arguments.of("tiny", new BigDecimal("127.00"), (byte) 127),
        Arguments.of("small", 300L, (short) 300),
        Arguments.of("quantity", 7L, 7),
        Arguments.of("quantity", (short) 7, 7),
        Arguments.of("quantity", 1e3, 1000),
        Arguments.of("quantity", 2.0f, 2),
        Arguments.of("transaction_id", 7, 7L),
        Arguments.of("transaction_id", Long.MIN_VALUE, Long.MIN_VALUE),
        Arguments.of("transaction_id", new BigInteger("9223372036854775807"), Long.MAX_VALUE),
        Arguments.of("price", 100L, new BigDecimal("100.00")),
        Arguments.of("price", new BigDecimal("12.3"), new BigDecimal("12.30")),
        Arguments.of("price", new BigDecimal("12.300"), new BigDecimal("12.30")),
        Arguments.of("price", new BigDecimal("-99999999.99"), new BigDecimal("-99999999.99")),
        Arguments.of("price", new BigDecimal("1E+3"), new BigDecimal("1000.00")),
        Arguments.of("price", 0.1, new BigDecimal("0.10")),
        Arguments.of("price", 2.5f, new BigDecimal("2.50")),
        Arguments.of("price", 1e3, new BigDecimal("1000.00")),
        Arguments.of("rate", 0L, new BigDecimal("0.00")),
        Arguments.of("rate", new BigDecimal("-0.99"), new BigDecimal("-0.99")),
        Arguments.of("ratio", 0.1, 0.1),
        Arguments.of("ratio", new BigDecimal("0.1"), 0.1),
        Arguments.of("ratio", 0.5, 0.5f),
        Arguments.of("ratio", new BigDecimal("0.25"), 0.25f),
        Arguments.of("ratio", 1e300, 1e300),
        Arguments.of("ratio", 3L, 3.0f),
        Arguments.of("ratio", 16_777_217L, 16_777_216f),
        Arguments.of("ratio", Double.NaN, Float.NaN),
        Arguments.of("ratio", "-Infinity", Float.NEGATIVE_INFINITY),
        Arguments.of("score", new BigDecimal("0.1"), 0.1),
        Arguments.of("score", 0.5f, 0.5),
        Arguments.of("score", 0.1f, (double) 0.1f),
        Arguments.of("score", Long.MAX_VALUE, (double) Long.MAX_VALUE),
        Arguments.of("score", "NaN", Double.NaN),
        Arguments.of("score", Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
        Arguments.of("product", "42", "42"),
        Arguments.of("day", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31)),
        Arguments.of("day", "2024-01-31", LocalDate.of(2024, 1, 31)),
        Arguments.of("ts", Instant.parse("2024-01-31T12:00:00.000001Z"),
            Instant.parse("2024-01-31T12:00:00.000001Z")),
        Arguments.of("ts", NOON, Instant.parse("2024-01-31T12:00:00Z")),
        Arguments.of("ts", LocalDate.of(2024, 1, 31), Instant.parse("2024-01-31T00:00:00Z")),
        Arguments.of("ts", OffsetDateTime.of(NOON, ZoneOffset.ofHours(2)),
            Instant.parse("2024-01-31T10:00:00Z")),
        Arguments.of("ts", NOON.atZone(ZoneId.of("America/New_York")),
            Instant.parse("2024-01-31T17:00:00Z")),
        Arguments.of("ts", "2024-01-31 12:00:00.5", Instant.parse("2024-01-31T12:00:00.5Z")),
        Arguments.of("ts", "2024-01-31T12:00:00+02:00", Instant.parse("2024-01-31T10:00:00Z")),
        Arguments.of("ts", "2024-01-31T12:00:00Z", Instant.parse("2024-01-31T12:00:00Z")),
        Arguments.of("ts", "2024-01-31", Instant.parse("2024-01-31T00:00:00Z")),
        Arguments.of("local_ts", NOON, NOON),
        Arguments.of("local_ts", LocalDate.of(2024, 1, 31), NOON.withHour(0)),
        Arguments.of("local_ts", "2024-01-31T12:00:00", NOON),
        Arguments.of("local_ts", "2024-01-31", NOON.withHour(0)),
        Arguments.of("address.city", "Paris", "Paris"),
        Arguments.of("address.geo.lat", 48L, 48.0));
  }

  @Test
  void copiesBinaryValues() {
    byte[] bytes = {1, 2};
    Object result = bound("payload", bytes);
    assertThat(result).isEqualTo(new byte[] {1, 2}).isNotSameAs(bytes);
  }

  @Test
  void keepsNullLiterals() {
    assertThat(bound("price", null)).isNull();
    assertThat(bound("address.city", null)).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource
  void rejectsValuesThatDoNotFit(String column, Object value, String message) {
    assertThatThrownBy(() -> bound(column, value))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> rejectsValuesThatDoNotFit() {
    return Stream.of(
        Arguments.of("price", "abc",
            "Cannot compare column 'price' of type decimal(10,2) with 'abc' (a string). "
                + "Use a number, e.g. price >= 100."),
        Arguments.of("price", new BigDecimal("1.234"),
            "Cannot compare column 'price' of type decimal(10,2) with 1.234: it has more than 2 "
                + "decimal places, and rounding would change which rows match. Use at most 2 "
                + "decimal places."),
        Arguments.of("price", 123456789L,
            "Cannot compare column 'price' of type decimal(10,2) with 123456789: it has more than "
                + "8 digits before the decimal point. Use a value that fits decimal(10,2)."),
        Arguments.of("price", 0.125,
            "Cannot compare column 'price' of type decimal(10,2) with 0.125: it has more than 2 "
                + "decimal places, and rounding would change which rows match. Use at most 2 "
                + "decimal places."),
        Arguments.of("price", Double.NaN,
            "Cannot compare column 'price' of type decimal(10,2) with NaN: it is not a finite "
                + "number. Use a finite number."),
        Arguments.of("price", true,
            "Cannot compare column 'price' of type decimal(10,2) with TRUE (a boolean). "
                + "Use a number, e.g. price >= 100."),
        Arguments.of("rate", 1L,
            "Cannot compare column 'rate' of type decimal(2,2) with 1: it has more than 0 digits "
                + "before the decimal point. Use a value that fits decimal(2,2)."),
        Arguments.of("tiny", 300L,
            "Cannot compare column 'tiny' of type tinyint with 300: it is out of range for tinyint "
                + "(-128 to 127). Use a value in that range."),
        Arguments.of("small", -40000,
            "Cannot compare column 'small' of type smallint with -40000: it is out of range for "
                + "smallint (-32768 to 32767). Use a value in that range."),
        Arguments.of("quantity", new BigDecimal("2.5"),
            "Cannot compare column 'quantity' of type int with 2.5: it is not a whole number. "
                + "Use a whole number."),
        Arguments.of("quantity", 3_000_000_000L,
            "Cannot compare column 'quantity' of type int with 3000000000: it is out of range for "
                + "int (-2147483648 to 2147483647). Use a value in that range."),
        Arguments.of("quantity", "5",
            "Cannot compare column 'quantity' of type int with '5' (a string). "
                + "Use a number, e.g. quantity >= 100."),
        Arguments.of("transaction_id", new BigDecimal("9223372036854775808"),
            "Cannot compare column 'transaction_id' of type bigint with 9223372036854775808: it is "
                + "out of range for bigint (-9223372036854775808 to 9223372036854775807). Use a "
                + "value in that range."),
        Arguments.of("transaction_id", 1e19,
            "Cannot compare column 'transaction_id' of type bigint with 1.0E19: it is out of range "
                + "for bigint (-9223372036854775808 to 9223372036854775807). Use a value in that "
                + "range."),
        Arguments.of("transaction_id", Double.POSITIVE_INFINITY,
            "Cannot compare column 'transaction_id' of type bigint with Infinity: it is not a "
                + "finite number. Use a finite number."),
        Arguments.of("ratio", new BigDecimal("1E+39"),
            "Cannot compare column 'ratio' of type float with 1000000000000000000000000000000000000000: it "
                + "is out of range for "
                + "float. Use a smaller number."),
        Arguments.of("ratio", new BigDecimal("1.5E+400"),
            "Cannot compare column 'ratio' of type float with 1.5E+400: it is out of range for "
                + "float. Use a smaller number."),
        Arguments.of("ratio", "abc",
            "Cannot compare column 'ratio' of type float with 'abc' (a string). "
                + "Use a number, e.g. ratio >= 100."),
        Arguments.of("score", new BigDecimal("1E+400"),
            "Cannot compare column 'score' of type double with 1E+400: it is out of range for "
                + "double. Use a smaller number."),
        Arguments.of("score", new BigDecimal("1E-400"),
            "Cannot compare column 'score' of type double with 1E-400: it is out of range for "
                + "double. Use a smaller number."),
        Arguments.of("paid", "true",
            "Cannot compare column 'paid' of type boolean with 'true' (a string). "
                + "Use TRUE or FALSE, e.g. paid = TRUE."),
        Arguments.of("paid", 1L,
            "Cannot compare column 'paid' of type boolean with 1 (a number). "
                + "Use TRUE or FALSE, e.g. paid = TRUE."),
        Arguments.of("product", 42L,
            "Cannot compare column 'product' of type string with 42 (a number). "
                + "Quote the value, e.g. product = '42'."),
        Arguments.of("product", LocalDate.of(2024, 1, 31),
            "Cannot compare column 'product' of type string with DATE '2024-01-31' (a date). "
                + "Use a string, e.g. product = 'abc'."),
        Arguments.of("payload", "CAFE",
            "Cannot compare column 'payload' of type binary with 'CAFE' (a string). "
                + "Use a byte[], e.g. payload = X'CAFE'."),
        Arguments.of("day", "2024-13-01",
            "Cannot compare column 'day' of type date with '2024-13-01': it is not a valid date "
                + "(Invalid value for MonthOfYear (valid values 1 - 12): 13). "
                + "Write it as 'YYYY-MM-DD', e.g. day >= DATE '2024-01-31'."),
        Arguments.of("day", "31/01/2024",
            "Cannot compare column 'day' of type date with '31/01/2024': it is not a valid date. "
                + "Write it as 'YYYY-MM-DD', e.g. day >= DATE '2024-01-31'."),
        Arguments.of("day", NOON,
            "Cannot compare column 'day' of type date with 2024-01-31T12:00 (a timestamp without "
                + "time zone). Use a date, e.g. day >= DATE '2024-01-31'."),
        Arguments.of("ts", "yesterday",
            "Cannot compare column 'ts' of type timestamp with 'yesterday': it is not a timestamp. "
                + "Write 'YYYY-MM-DD HH:MM:SS[.ffffff]' (read as UTC) or an ISO-8601 instant such "
                + "as '2024-01-31T13:45:00Z'."),
        Arguments.of("ts", Instant.parse("2024-01-31T12:00:00.000000001Z"),
            "Cannot compare column 'ts' of type timestamp with 2024-01-31T12:00:00.000000001Z: it "
                + "is more precise than the column's microseconds. Truncate it first, e.g. with "
                + "truncatedTo(ChronoUnit.MICROS)."),
        Arguments.of("ts", 1_700_000_000L,
            "Cannot compare column 'ts' of type timestamp with 1700000000 (a number). Use a "
                + "timestamp, e.g. ts >= TIMESTAMP '2024-01-31 13:45:00'."),
        Arguments.of("local_ts", Instant.parse("2024-01-31T12:00:00Z"),
            "Cannot compare column 'local_ts' of type timestamp_ntz with 2024-01-31T12:00:00Z (a "
                + "timestamp). A timestamp_ntz column has no time zone; use a LocalDateTime, e.g. "
                + "local_ts >= TIMESTAMP '2024-01-31 13:45:00'."),
        Arguments.of("local_ts", "noon",
            "Cannot compare column 'local_ts' of type timestamp_ntz with 'noon': it is not a "
                + "timestamp. Write 'YYYY-MM-DD HH:MM:SS[.ffffff]' or 'YYYY-MM-DD'."),
        Arguments.of("local_ts", NOON.withNano(1),
            "Cannot compare column 'local_ts' of type timestamp_ntz with 2024-01-31T12:00:00."
                + "000000001: it is more precise than the column's microseconds. Truncate it "
                + "first, e.g. with truncatedTo(ChronoUnit.MICROS)."),
        Arguments.of("quantity", UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "Cannot compare column 'quantity' of type int with "
                + "00000000-0000-0000-0000-000000000001 (a java.util.UUID). Use a number, e.g. "
                + "quantity >= 100."),
        Arguments.of("address.geo.lat", "north",
            "Cannot compare column 'address.geo.lat' of type double with 'north' (a string). "
                + "Use a number, e.g. address.geo.lat >= 100."));
  }

  @Test
  void shortensLongValuesInMessages() {
    assertThatThrownBy(() -> bound("quantity", "x".repeat(100)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(
            "Cannot compare column 'quantity' of type int with '" + "x".repeat(37) + "...' "
                + "(a string). Use a number, e.g. quantity >= 100.");
  }
}
