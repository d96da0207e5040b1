package io.deltalake4j.interop;

import static io.deltalake4j.interop.CanonicalRows.array;
import static io.deltalake4j.interop.CanonicalRows.map;
import static io.deltalake4j.interop.CanonicalRows.row;
import static io.deltalake4j.interop.CanonicalRows.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical values compare by content and sort deterministically. */
class TestCanonicalRows {

  @Test
  void binaryComparesByContentAndUnsigned() {
    assertThat(Binary.of(new byte[] {1, 2})).isEqualTo(Binary.of(1, 2)).hasSameHashCodeAs(Binary.of(1, 2));
    assertThat(Binary.of(0x7F)).isLessThan(Binary.of(0x80));
    assertThat(Binary.of()).isLessThan(Binary.of(0x00));
    assertThat(Binary.of(0x00, 0xAB)).hasToString("0x00AB");
  }

  @Test
  void binaryCopiesItsBytes() {
    byte[] bytes = {1};
    Binary binary = Binary.of(bytes);
    bytes[0] = 2;
    binary.toByteArray()[0] = 3;

    assertThat(binary).isEqualTo(Binary.of(1));
  }

  @Test
  void rowsHoldingNaNAndNestedNullsAreEqual() {
    assertThat(row(Double.NaN, array(1, null), map("k", null), struct("a", null)))
        .isEqualTo(row(Double.NaN, array(1, null), map("k", null), struct("a", null)));
  }

  @Test
  void sortsNullsFirstThenNaturallyThenElementByElement() {
    List<List<Object>> rows =
        List.of(
            row(2, array(1, 2)),
            row(1, array(1, 2, 0)),
            row(null, array()),
            row(1, array(1, 2)),
            row(1, array(1, null)));

    assertThat(CanonicalRows.sorted(rows))
        .containsExactly(
            row(null, array()),
            row(1, array(1, null)),
            row(1, array(1, 2)),
            row(1, array(1, 2, 0)),
            row(2, array(1, 2)));
  }

  @Test
  void sortsMapsByTheirSortedEntries() {
    List<List<Object>> rows = List.of(row(map("b", 1, "a", 2)), row(map("a", 1, "b", 2)));

    assertThat(CanonicalRows.sorted(rows)).containsExactly(row(map("a", 1, "b", 2)), row(map("b", 1, "a", 2)));
  }

  @Test
  void sortsNaNAfterEveryOtherDouble() {
    List<List<Object>> rows = List.of(row(Double.NaN), row(Double.POSITIVE_INFINITY), row(-1.0d));

    assertThat(CanonicalRows.sorted(rows))
        .containsExactly(row(-1.0d), row(Double.POSITIVE_INFINITY), row(Double.NaN));
  }

  @Test
  void rejectsOddStructArguments() {
    assertThatThrownBy(() -> struct("a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid struct: expected name/value pairs, got 1 arguments");
  }
}
