package io.deltalake4j.internal.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Variant encodings built by hand byte by byte, and the JSON text Spark's to_json gives for each. */
class TestVariantJson {

  /** Metadata with no keys. */
  static final byte[] EMPTY = {0x01, 0x00, 0x00};

  /** Metadata with keys "a", "b" (sorted), 1-byte offsets. */
  static final byte[] AB = {0x11, 0x02, 0x00, 0x01, 0x02, 'a', 'b'};

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A primitive: header (type << 2), then little-endian data. */
  static byte[] primitive(int type, long data, int width) {
    byte[] b = new byte[1 + width];
    b[0] = (byte) (type << 2);
    for (int i = 0; i < width; i++) {
      b[1 + i] = (byte) (data >>> (8 * i));
    }
    return b;
  }

  static String json(byte[] value) {
    return VariantJson.toJson(EMPTY, value);
  }

  @Test
  void scalarsPrintAsSparkToJsonPrintsThem() {
    assertThat(json(bytes(0x00))).isEqualTo("null");
    assertThat(json(bytes(0x04))).isEqualTo("true");
    assertThat(json(bytes(0x08))).isEqualTo("false");
    assertThat(json(primitive(3, -5, 1))).isEqualTo("-5");
    assertThat(json(primitive(4, -300, 2))).isEqualTo("-300");
    assertThat(json(primitive(5, 70_000, 4))).isEqualTo("70000");
    assertThat(json(primitive(6, Long.MIN_VALUE, 8))).isEqualTo("-9223372036854775808");
    assertThat(json(primitive(7, Double.doubleToLongBits(1.5), 8))).isEqualTo("1.5");
    assertThat(json(primitive(7, Double.doubleToLongBits(1e20), 8))).isEqualTo("1.0E20");
    assertThat(json(primitive(14, Float.floatToIntBits(0.25f), 4))).isEqualTo("0.25");
  }

  @Test
  void decimalsPrintPlainWithoutTrailingZeros() {
    // decimal4: scale 2, unscaled 150 -> 1.50 -> 1.5
    assertThat(json(bytes(8 << 2, 2, 150, 0, 0, 0))).isEqualTo("1.5");
    assertThat(json(bytes(8 << 2, 2, 0, 0, 0, 0))).isEqualTo("0");
    // decimal8: scale 0, -1 -> -1; scale 10, 12345 -> 0.0000012345
    assertThat(json(bytes(9 << 2, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))).isEqualTo("-1");
    assertThat(json(bytes(9 << 2, 10, 0x39, 0x30, 0, 0, 0, 0, 0, 0))).isEqualTo("0.0000012345");
    // decimal16: 10^20 at scale 0
    byte[] d16 = new byte[18];
    d16[0] = (byte) (10 << 2);
    byte[] big = new java.math.BigInteger("100000000000000000000").toByteArray();
    for (int i = 0; i < big.length; i++) {
      d16[2 + i] = big[big.length - 1 - i];
    }
    assertThat(json(d16)).isEqualTo("100000000000000000000");
  }

  @Test
  void datesAndTimestampsPrintQuotedInUtc() {
    assertThat(json(primitive(11, LocalDate.of(2024, 9, 9).toEpochDay(), 4))).isEqualTo("\"2024-09-09\"");
    assertThat(json(primitive(11, -1, 4))).isEqualTo("\"1969-12-31\"");
    long micros = 1_725_877_800_000_000L; // 2024-09-09T10:30:00Z
    assertThat(json(primitive(12, micros, 8))).isEqualTo("\"2024-09-09 10:30:00+00:00\"");
    assertThat(json(primitive(12, micros + 500_000, 8))).isEqualTo("\"2024-09-09 10:30:00.5+00:00\"");
    assertThat(json(primitive(13, micros + 1, 8))).isEqualTo("\"2024-09-09 10:30:00.000001\"");
  }

  @Test
  void stringsBinaryAndUuidsPrintQuotedAndEscaped() {
    assertThat(json(concat(bytes((4 << 2) | 1), "a\"b\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("\"a\\\"b\\n\"");
    byte[] text = "héllo wörld, a string long enough to need the long form: ✓".getBytes(StandardCharsets.UTF_8);
    assertThat(json(concat(primitive(16, text.length, 4), text)))
        .isEqualTo("\"héllo wörld, a string long enough to need the long form: ✓\"");
    assertThat(json(concat(primitive(15, 3, 4), bytes(0, 1, 255)))).isEqualTo("\"AAH/\"");
    byte[] uuid = concat(bytes(20 << 2), bytes(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
        0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0));
    assertThat(json(uuid)).isEqualTo("\"12345678-9abc-def0-1234-56789abcdef0\"");
  }

  @Test
  void objectsPrintTheirKeysInIdOrderWhateverTheValueOrder() {
    // {"a": [true, null], "b": 1}; values stored b first, then a.
    byte[] b = primitive(3, 1, 1);                       // 2 bytes
    byte[] a = bytes(0x03, 2, 0, 1, 2, 0x04, 0x00);      // array: 1-byte offsets, 2 elements
    byte[] object = concat(bytes(0x02, 2, 0, 1, 2, 0, 2 + a.length), b, a);
    object[4] = 2;   // offset of "a" (stored after "b")
    object[5] = 0;   // offset of "b"
    object[6] = (byte) (2 + a.length);

    assertThat(VariantJson.toJson(AB, object)).isEqualTo("{\"a\":[true,null],\"b\":1}");
  }

  @Test
  void largeArraysWithWideOffsetsAndNestedObjects() {
    // is_large array (4-byte count) with 2-byte offsets holding {} and "x".
    byte[] emptyObject = bytes(0x02, 0, 0);
    byte[] x = concat(bytes((1 << 2) | 1), "x".getBytes(StandardCharsets.UTF_8));
    byte[] array = concat(bytes(0x03 | (((1 << 2) | 1) << 2), 2, 0, 0, 0), bytes(0, 0, 3, 0, 5, 0), emptyObject, x);

    assertThat(json(array)).isEqualTo("[{},\"x\"]");
  }

  @Test
  void metadataOfAnotherVersionIsRefused() {
    assertThatThrownBy(() -> VariantJson.toJson(bytes(0x02, 0, 0), bytes(0)))
        .isInstanceOf(MalformedVariantException.class)
        .hasMessage("the metadata has version 2, not 1");
  }

  @Test
  void aValueCutShortIsRefused() {
    assertThatThrownBy(() -> json(bytes(6 << 2, 1, 2)))
        .isInstanceOf(MalformedVariantException.class)
        .hasMessage("a value runs past the end of its 3 bytes");
  }
}
