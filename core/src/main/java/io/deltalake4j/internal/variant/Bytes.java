package io.deltalake4j.internal.variant;

/** Little-endian integers of 1 to 8 bytes, as the Variant encoding stores them. */
final class Bytes {
  private Bytes() {}

  /** An unsigned value of {@code width} (1 to 4) bytes; fails if it does not fit an int. */
  static int unsigned(byte[] b, int pos, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = (v << 8) | (b[pos + i] & 0xFF);
    }
    if (v > Integer.MAX_VALUE) {
      throw new MalformedVariantException("a size or offset of " + v + " is larger than any variant", null);
    }
    return (int) v;
  }

  /** A two's-complement value of {@code width} (1 to 8) bytes. */
  static long signed(byte[] b, int pos, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = (v << 8) | (b[pos + i] & 0xFF);
    }
    int unused = 64 - 8 * width;
    return unused == 0 ? v : (v << unused) >> unused;
  }
}
