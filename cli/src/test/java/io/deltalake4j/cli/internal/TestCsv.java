package io.deltalake4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV records per RFC 4180. */
class TestCsv {

  @Test
  void plainFieldsAreWrittenAsTheyAre() {
    assertThat(Csv.record(List.of("a", "b c", "12.30", "é"))).isEqualTo("a,b c,12.30,é");
  }

  @Test
  void fieldsWithCommaQuoteCrOrLfAreQuotedWithQuotesDoubled() {
    assertThat(Csv.record(List.of("a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "x")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",x");
  }

  @Test
  void nullIsAnEmptyFieldAndTheEmptyStringIsQuoted() {
    assertThat(Csv.record(Arrays.asList(null, "", null))).isEqualTo(",\"\",");
  }

  @Test
  void recordsEndWithCrlf() {
    assertThat(Csv.EOL).isEqualTo("\r\n");
  }
}
