package io.deltalake4j.internal.variant;

/** The sizes of encoded values, for copying one out of an object or array whose values are in any order. */
final class VariantValues {
  private VariantValues() {}

  /** The number of bytes of the value that starts at {@code pos}, its header included. */
  static int size(byte[] v, int pos) {
    int header = v[pos] & 0xFF;
    int info = header >>> 2;
    switch (header & 0x3) {
      case 0:
        return 1 + primitiveSize(v, pos + 1, info);
      case 1:
        return 1 + info;
      case 2: {
        int offsetSize = (info & 0x3) + 1;
        int idSize = ((info >>> 2) & 0x3) + 1;
        int sizeBytes = (info & 0x10) != 0 ? 4 : 1;
        int n = Bytes.unsigned(v, pos + 1, sizeBytes);
        int offsets = pos + 1 + sizeBytes + n * idSize;
        int data = offsets + (n + 1) * offsetSize;
        return data - pos + Bytes.unsigned(v, offsets + n * offsetSize, offsetSize);
      }
      default: {
        int offsetSize = (info & 0x3) + 1;
        int sizeBytes = (info & 0x4) != 0 ? 4 : 1;
        int n = Bytes.unsigned(v, pos + 1, sizeBytes);
        int offsets = pos + 1 + sizeBytes;
        int data = offsets + (n + 1) * offsetSize;
        return data - pos + Bytes.unsigned(v, offsets + n * offsetSize, offsetSize);
      }
    }
  }

  private static int primitiveSize(byte[] v, int p, int type) {
    return switch (type) {
      case 0, 1, 2 -> 0;
      case 3 -> 1;
      case 4 -> 2;
      case 5, 11, 14 -> 4;
      case 6, 7, 12, 13, 17, 18, 19 -> 8;
      case 8 -> 5;
      case 9 -> 9;
      case 10 -> 17;
      case 15, 16 -> 4 + Bytes.unsigned(v, p, 4);
      case 20 -> 16;
      default -> throw new MalformedVariantException("primitive type " + type + " is not in the encoding", null);
    };
  }
}
