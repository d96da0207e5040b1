package io.deltalake4j.internal.variant;

import java.nio.charset.StandardCharsets;

/** The metadata half of a variant: its dictionary of object keys. */
public final class VariantMetadata {

  private final byte[] bytes;
  private final int offsetSize;
  private final int size;
  private final int offsets;
  private final int strings;

  private VariantMetadata(byte[] bytes, int offsetSize, int size) {
    this.bytes = bytes;
    this.offsetSize = offsetSize;
    this.size = size;
    this.offsets = 1 + offsetSize;
    this.strings = offsets + (size + 1) * offsetSize;
  }

  /**
   * The dictionary of {@code metadata}.
   *
   * @throws MalformedVariantException if the bytes are not a version-1 metadata
   */
  public static VariantMetadata parse(byte[] metadata) {
    if (metadata.length < 1 || (metadata[0] & 0x0F) != 1) {
      throw new MalformedVariantException(
          "the metadata " + (metadata.length == 0 ? "is empty" : "has version " + (metadata[0] & 0x0F) + ", not 1"), null);
    }
    int offsetSize = ((metadata[0] >>> 6) & 0x3) + 1;
    try {
      VariantMetadata m = new VariantMetadata(metadata, offsetSize, Bytes.unsigned(metadata, 1, offsetSize));
      if (m.strings > metadata.length) {
        throw new MalformedVariantException("the metadata's dictionary runs past its " + metadata.length + " bytes", null);
      }
      return m;
    } catch (IndexOutOfBoundsException e) {
      throw new MalformedVariantException("the metadata is shorter than its header says", e);
    }
  }

  /** The dictionary string {@code id}. */
  public String key(int id) {
    if (id >= size) {
      throw new MalformedVariantException("field id " + id + " is not in the dictionary of " + size + " keys", null);
    }
    int start = Bytes.unsigned(bytes, offsets + id * offsetSize, offsetSize);
    int end = Bytes.unsigned(bytes, offsets + (id + 1) * offsetSize, offsetSize);
    return new String(bytes, strings + start, end - start, StandardCharsets.UTF_8);
  }

  private java.util.Map<String, Integer> ids;

  /**
   * The id of dictionary string {@code key} (the first, if the dictionary repeats it).
   *
   * @throws MalformedVariantException if the dictionary does not hold it
   */
  public int id(String key) {
    if (ids == null) {
      ids = new java.util.HashMap<>(size * 2);
      for (int i = size - 1; i >= 0; i--) {
        ids.put(key(i), i);
      }
    }
    Integer id = ids.get(key);
    if (id == null) {
      throw new MalformedVariantException("field name '" + key + "' is not in the metadata's dictionary", null);
    }
    return id;
  }
}
