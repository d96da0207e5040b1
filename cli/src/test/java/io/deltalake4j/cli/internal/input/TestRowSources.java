package io.deltalake4j.cli.internal.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs are read a record at a time, as rows are asked for: a bad record fails the call that
 * reaches it, not the opening of the file, and what comes before it is handed out first.
 */
class TestRowSources {

  @TempDir Path dir;

  static final StructType SCHEMA = StructType.builder().add("n", PrimitiveType.INT).build();

  @Test
  void jsonLinesAreParsedOnlyWhenReached() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jsonl"), "{\"n\": 1}\n{\"n\": 2}\nnot json at all\n");
    Input input = Input.of(InputFormat.JSONL, file.toString(), null);

    try (RowSource rows = input.open(SCHEMA)) {
      assertThat(rows.next().getInt("n")).isEqualTo(1);
      assertThat(rows.next().getInt("n")).isEqualTo(2);
      assertThatThrownBy(rows::next)
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("Cannot read line 3 of " + file + ": it is not valid JSON (");
    }
  }

  @Test
  void csvRecordsAreParsedOnlyWhenReached() throws Exception {
    Path file = Files.writeString(dir.resolve("a.csv"), "n\n1\n\"unclosed\n");
    Input input = Input.of(InputFormat.CSV, file.toString(), null);

    try (RowSource rows = input.open(SCHEMA)) {
      assertThat(rows.next().getInt("n")).isEqualTo(1);
      assertThatThrownBy(rows::hasNext)
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("Cannot read line 3 of " + file + ": a quoted field is not closed");
    }
  }

  @Test
  void closingTwiceIsHarmlessAndEndsTheRows() throws Exception {
    Path file = Files.writeString(dir.resolve("b.jsonl"), "{\"n\": 1}\n");
    RowSource rows = Input.of(InputFormat.JSONL, file.toString(), null).open(SCHEMA);

    rows.close();
    rows.close();

    assertThat(rows.hasNext()).isFalse();
  }
}
