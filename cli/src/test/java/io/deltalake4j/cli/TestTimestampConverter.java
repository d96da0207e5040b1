package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The forms {@code --timestamp} accepts, all read as UTC, and the error for anything else. */
class TestTimestampConverter {

  final TimestampConverter converter = new TimestampConverter();

  @Test
  void isoInstantsWithZOrAnOffset() {
    assertThat(converter.convert("2024-06-01T00:00:00Z")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(converter.convert("2024-06-01T02:00:00+02:00")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(converter.convert("2024-06-01T00:00:00.123456789Z")).isEqualTo(Instant.parse("2024-06-01T00:00:00.123456789Z"));
  }

  @Test
  void dateAndTimeWithASpaceAreUtcWithOptionalFraction() {
    assertThat(converter.convert("2024-06-01 12:30:05")).isEqualTo(Instant.parse("2024-06-01T12:30:05Z"));
    assertThat(converter.convert("2024-06-01 12:30:05.000001")).isEqualTo(Instant.parse("2024-06-01T12:30:05.000001Z"));
    assertThat(converter.convert("2024-06-01 12:30:05.5")).isEqualTo(Instant.parse("2024-06-01T12:30:05.500Z"));
  }

  @Test
  void dateAloneIsMidnightUtc() {
    assertThat(converter.convert("2024-06-01")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(converter.convert(" 2024-02-29 ")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
  }

  @Test
  void anythingElseIsRejectedWithTheFormsListed() {
    for (String bad : new String[] {"2024-02-30", "2023-02-29", "2024-06-01T00:00:00", "2024-06-01 25:00:00",
        "2024-6-1", "yesterday", "1717200000", ""}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessage("'" + bad + "' is not a timestamp. " + TimestampConverter.FORMS);
    }
  }
}
