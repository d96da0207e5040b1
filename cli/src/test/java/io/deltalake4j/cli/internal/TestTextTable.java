package io.deltalake4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.cli.internal.TextTable.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aligned text tables: header and rule, alignment, NULL, escaping, cutting, streaming past the sample. */
class TestTextTable {

  final StringWriter text = new StringWriter();
  final PrintWriter out = new PrintWriter(text);

  @Test
  void columnsAreAlignedTwoSpacesApartWithoutTrailingSpaces() {
    TextTable t = new TextTable(out, List.of(Column.left("name"), Column.right("n"), Column.left("note")), 0);
    t.add(List.of("apple", "1", ""));
    t.add(Arrays.asList("fig", "1,234", null));
    t.finish();
    out.flush();

    assertThat(text.toString()).isEqualTo(String.join("\n",
        "name       n  note",
        "-----  -----  ----",
        "apple      1",
        "fig    1,234  NULL",
        ""));
  }

  @Test
  void controlCharactersAndLineSeparatorsAreShownEscaped() {
    TextTable t = new TextTable(out, List.of(Column.left("s")), 0);
    t.add(List.of("a\nb\tc\rd\u0001e\u2028f\u007f"));
    t.finish();
    out.flush();

    assertThat(text.toString().lines()).last().isEqualTo("a\\nb\\tc\\rd\\u0001e\\u2028f\\u007f");
  }

  @Test
  void longCellsAreCutToTheLimitWithAnEllipsis() {
    TextTable t = new TextTable(out, List.of(Column.left("s")), 5);
    t.add(List.of("abcdef"));
    t.add(List.of("abcde"));
    t.add(List.of("😀😀😀😀😀😀"));
    t.finish();
    out.flush();

    assertThat(text.toString().lines()).containsExactly("s", "-----", "abcd…", "abcde", "😀😀😀😀…");
  }

  @Test
  void emptyTableStillHasItsHeader() {
    new TextTable(out, List.of(Column.left("a"), Column.right("bb")), 0).finish();
    out.flush();

    assertThat(text.toString()).isEqualTo("a  bb\n-  --\n");
  }

  @Test
  void rowsAfterTheSampleStreamWithTheSampledWidths() {
    TextTable t = new TextTable(out, List.of(Column.right("n"), Column.left("x")), 0);
    for (int i = 0; i < TextTable.SAMPLE_ROWS; i++) {
      t.add(List.of("1", "x"));
    }
    assertThat(text.toString()).startsWith("n  x\n-  -\n1  x\n");
    t.add(List.of("100", "y"));
    t.finish();
    out.flush();

    assertThat(text.toString().lines()).hasSize(2 + TextTable.SAMPLE_ROWS + 1).last().isEqualTo("100  y");
  }

  @Test
  void rowsMustHaveOneCellPerColumn() {
    TextTable t = new TextTable(out, List.of(Column.left("a"), Column.left("b")), 0);

    assertThatThrownBy(() -> t.add(List.of("only one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid table row: 1 cells for 2 columns.");
  }
}
