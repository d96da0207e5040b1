package io.deltalake4j.internal.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values encoded for putting shredded variants back together, read back through {@link VariantJson}. */
class TestVariantEncoder {

  /** Metadata with keys "a", "b", "c" (sorted), 1-byte offsets. */
  static final byte[] ABC = {0x11, 0x03, 0x00, 0x01, 0x02, 0x03, 'a', 'b', 'c'};

  static String json(byte[] value) {
    return VariantJson.toJson(ABC, value);
  }

  @Test
  void decimalsTakeTheWidthOfTheirPrecisionAndKeepTheirSign() {
    byte[] small = VariantEncoder.decimal(BigInteger.valueOf(-12345), 2, 9);
    byte[] medium = VariantEncoder.decimal(BigInteger.valueOf(1500), 3, 18);
    byte[] large = VariantEncoder.decimal(new BigInteger("-10000000000000000000000001"), 5, 38);

    assertThat(small).hasSize(6);
    assertThat(medium).hasSize(10);
    assertThat(large).hasSize(18);
    assertThat(json(small)).isEqualTo("-123.45");
    assertThat(json(medium)).isEqualTo("1.5");
    assertThat(json(large)).isEqualTo("-100000000000000000000.00001");
  }

  @Test
  void stringsOf64BytesOrMoreTakeTheLongForm() {
    String longText = "x".repeat(64);

    assertThat(VariantEncoder.string(VariantEncoder.utf8("short"))[0] & 0x3).isEqualTo(1);
    assertThat(VariantEncoder.string(VariantEncoder.utf8(longText))[0]).isEqualTo((byte) (16 << 2));
    assertThat(json(VariantEncoder.string(VariantEncoder.utf8(longText)))).isEqualTo("\"" + longText + "\"");
  }

  @Test
  void arraysOfMoreThan255ElementsAndWideOffsetsReadBack() {
    List<byte[]> elements = new ArrayList<>();
    StringBuilder expected = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      elements.add(VariantEncoder.integer(i, 8));
      expected.append(i == 0 ? "" : ",").append(i);
    }

    assertThat(json(VariantEncoder.array(elements))).isEqualTo(expected.append(']').toString());
  }

  @Test
  void objectsMergeShreddedFieldsWithTheResidualInKeyOrder() {
    VariantMetadata metadata = VariantMetadata.parse(ABC);
    // A residual object {"a": "x", "c": [true]} whose values are stored in the reverse order of its keys.
    byte[] residual = {2, 2, 0, 2, 5, 0, 7, 3, 1, 0, 1, 4, 5, 'x'};

    byte[] merged = VariantEncoder.object(metadata, List.of("b"), List.of(VariantEncoder.integer(5, 1)), residual);

    assertThat(json(merged)).isEqualTo("{\"a\":\"x\",\"b\":5,\"c\":[true]}");
  }

  @Test
  void aResidualThatRepeatsAShreddedKeyOrIsNoObjectIsMalformed() {
    VariantMetadata metadata = VariantMetadata.parse(ABC);
    byte[] residualWithB = {2, 1, 1, 0, 1, 0};

    assertThatThrownBy(() -> VariantEncoder.object(metadata, List.of("b"), List.of(VariantEncoder.nullValue()), residualWithB))
        .isInstanceOf(MalformedVariantException.class)
        .hasMessage("field 'b' is both shredded and in the object's value");
    assertThatThrownBy(() -> VariantEncoder.object(metadata, List.of(), List.of(), VariantEncoder.bool(true)))
        .isInstanceOf(MalformedVariantException.class)
        .hasMessage("the value beside a shredded object is not an object");
    assertThatThrownBy(() -> VariantEncoder.object(metadata, List.of("zz"), List.of(VariantEncoder.nullValue()), null))
        .isInstanceOf(MalformedVariantException.class)
        .hasMessage("field name 'zz' is not in the metadata's dictionary");
  }
}
