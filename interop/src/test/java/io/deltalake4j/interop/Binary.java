package io.deltalake4j.interop;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The canonical form of a binary value: an immutable byte string compared by content.
 *
 * <p>{@code byte[]} compares by identity, so rows holding arrays can never be equal. Canonical rows
 * hold this instead; it orders unsigned-lexicographically (like Spark and Parquet) and prints as hex.
 */
public final class Binary implements Comparable<Binary> {
  private final byte[] bytes;

  private Binary(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A binary value holding a copy of {@code bytes}. */
  public static Binary of(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("Invalid binary value: null");
    }

    return new Binary(bytes.clone());
  }

  /** A binary value of the given unsigned byte values, e.g. {@code of(0x00, 0xFF)}. */
  public static Binary of(int... unsignedBytes) {
    byte[] bytes = new byte[unsignedBytes.length];
    for (int i = 0; i < unsignedBytes.length; i++) {
      bytes[i] = (byte) unsignedBytes[i];
    }

    return new Binary(bytes);
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public int compareTo(Binary other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Binary that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "0x" + HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
