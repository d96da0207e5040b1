package io.deltalake4j.internal.variant;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds values of the Variant binary encoding (Parquet's VariantEncoding.md), for putting a
 * shredded variant back together: primitives from typed columns, arrays of encoded elements, and
 * objects whose fields come from shredded columns and from a residual encoded object. Object keys
 * are ids in the variant's own metadata, which holds every key of the value, shredded or not.
 */
public final class VariantEncoder {
  private VariantEncoder() {}

  private static final int PRIMITIVE = 0;
  private static final int SHORT_STRING = 1;
  private static final int OBJECT = 2;
  private static final int ARRAY = 3;

  /** The variant null. */
  public static byte[] nullValue() {
    return new byte[] {0};
  }

  public static byte[] bool(boolean b) {
    return new byte[] {(byte) ((b ? 1 : 2) << 2)};
  }

  /** An integer as the variant type of {@code bytes} (1, 2, 4 or 8) bytes. */
  public static byte[] integer(long v, int bytes) {
    int type = switch (bytes) {
      case 1 -> 3;
      case 2 -> 4;
      case 4 -> 5;
      case 8 -> 6;
      default -> throw new IllegalArgumentException("Invalid integer width " + bytes);
    };
    return primitive(type, v, bytes);
  }

  public static byte[] float32(float f) {
    return primitive(14, Float.floatToRawIntBits(f), 4);
  }

  public static byte[] float64(double d) {
    return primitive(7, Double.doubleToRawLongBits(d), 8);
  }

  /** Days since 1970-01-01. */
  public static byte[] date(int days) {
    return primitive(11, days, 4);
  }

  /** Microseconds since midnight. */
  public static byte[] time(long micros) {
    return primitive(17, micros, 8);
  }

  /**
   * A timestamp since the epoch.
   *
   * @param utc whether it is an instant (timestamp with time zone) rather than a local date-time
   * @param nanos whether {@code value} counts nanoseconds rather than microseconds
   */
  public static byte[] timestamp(long value, boolean utc, boolean nanos) {
    int type = nanos ? (utc ? 18 : 19) : (utc ? 12 : 13);
    return primitive(type, value, 8);
  }

  /**
   * A decimal of {@code precision} digits: decimal4, decimal8 or decimal16 by the precision, as
   * Spark picks them.
   */
  public static byte[] decimal(BigInteger unscaled, int scale, int precision) {
    int width = precision <= 9 ? 4 : precision <= 18 ? 8 : 16;
    int type = width == 4 ? 8 : width == 8 ? 9 : 10;
    byte[] out = new byte[2 + width];
    out[0] = (byte) (type << 2);
    out[1] = (byte) scale;
    byte[] bigEndian = unscaled.toByteArray();
    if (bigEndian.length > width) {
      throw new MalformedVariantException("a decimal of precision " + precision + " has more than " + width + " bytes", null);
    }
    byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
    for (int i = 0; i < width; i++) {
      int from = bigEndian.length - 1 - i;
      out[2 + i] = from >= 0 ? bigEndian[from] : fill;
    }
    return out;
  }

  /** A string from its UTF-8 bytes: the short-string form below 64 bytes. */
  public static byte[] string(byte[] utf8) {
    if (utf8.length < 64) {
      byte[] out = new byte[1 + utf8.length];
      out[0] = (byte) (SHORT_STRING | utf8.length << 2);
      System.arraycopy(utf8, 0, out, 1, utf8.length);
      return out;
    }
    return sized(16, utf8);
  }

  public static byte[] binary(byte[] bytes) {
    return sized(15, bytes);
  }

  /** A UUID from its 16 big-endian bytes. */
  public static byte[] uuid(byte[] bytes) {
    if (bytes.length != 16) {
      throw new MalformedVariantException("a UUID has " + bytes.length + " bytes, not 16", null);
    }
    byte[] out = new byte[17];
    out[0] = (byte) (20 << 2);
    System.arraycopy(bytes, 0, out, 1, 16);
    return out;
  }

  /** An array of encoded elements. */
  public static byte[] array(List<byte[]> elements) {
    int dataSize = 0;
    for (byte[] e : elements) {
      dataSize += e.length;
    }
    int n = elements.size();
    boolean large = n > 255;
    int offsetSize = widthOf(dataSize);
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 + (n + 1) * offsetSize + dataSize + (large ? 3 : 0));
    out.write(ARRAY | ((large ? 1 : 0) << 2 | (offsetSize - 1)) << 2);
    writeLittleEndian(out, n, large ? 4 : 1);
    int offset = 0;
    for (byte[] e : elements) {
      writeLittleEndian(out, offset, offsetSize);
      offset += e.length;
    }
    writeLittleEndian(out, offset, offsetSize);
    for (byte[] e : elements) {
      out.writeBytes(e);
    }
    return out.toByteArray();
  }

  /**
   * An object of the shredded fields {@code names} (with their encoded {@code values}) and the
   * fields of {@code residual}, an encoded object of the fields that were not shredded, or null.
   * Fields are ordered by key, as the encoding requires.
   *
   * @throws MalformedVariantException if the residual is not an object, repeats a shredded key, or
   *     a key is not in the metadata
   */
  public static byte[] object(VariantMetadata metadata, List<String> names, List<byte[]> values, byte[] residual) {
    record Field(String key, int id, byte[] bytes, int from, int to) {}
    List<Field> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      byte[] v = values.get(i);
      fields.add(new Field(names.get(i), metadata.id(names.get(i)), v, 0, v.length));
    }
    if (residual != null) {
      int header = residual[0] & 0xFF;
      if ((header & 0x3) != OBJECT) {
        throw new MalformedVariantException("the value beside a shredded object is not an object", null);
      }
      int info = header >>> 2;
      int offsetSize = (info & 0x3) + 1;
      int idSize = ((info >>> 2) & 0x3) + 1;
      int sizeBytes = (info & 0x10) != 0 ? 4 : 1;
      int n = Bytes.unsigned(residual, 1, sizeBytes);
      int ids = 1 + sizeBytes;
      int offsets = ids + n * idSize;
      int data = offsets + (n + 1) * offsetSize;
      for (int i = 0; i < n; i++) {
        int id = Bytes.unsigned(residual, ids + i * idSize, idSize);
        String key = metadata.key(id);
        if (names.contains(key)) {
          throw new MalformedVariantException("field '" + key + "' is both shredded and in the object's value", null);
        }
        int start = data + Bytes.unsigned(residual, offsets + i * offsetSize, offsetSize);
        fields.add(new Field(key, id, residual, start, start + VariantValues.size(residual, start)));
      }
    }
    fields.sort(Comparator.comparing(Field::key));
    int n = fields.size();
    int dataSize = 0;
    int maxId = 0;
    for (Field f : fields) {
      dataSize += f.to() - f.from();
      maxId = Math.max(maxId, f.id());
    }
    boolean large = n > 255;
    int idSize = widthOf(maxId);
    int offsetSize = widthOf(dataSize);
    ByteArrayOutputStream out = new ByteArrayOutputStream(5 + n * idSize + (n + 1) * offsetSize + dataSize);
    out.write(OBJECT | ((large ? 1 : 0) << 4 | (idSize - 1) << 2 | (offsetSize - 1)) << 2);
    writeLittleEndian(out, n, large ? 4 : 1);
    for (Field f : fields) {
      writeLittleEndian(out, f.id(), idSize);
    }
    int offset = 0;
    for (Field f : fields) {
      writeLittleEndian(out, offset, offsetSize);
      offset += f.to() - f.from();
    }
    writeLittleEndian(out, offset, offsetSize);
    for (Field f : fields) {
      out.write(f.bytes(), f.from(), f.to() - f.from());
    }
    return out.toByteArray();
  }

  private static byte[] primitive(int type, long v, int bytes) {
    byte[] out = new byte[1 + bytes];
    out[0] = (byte) (type << 2);
    for (int i = 0; i < bytes; i++) {
      out[1 + i] = (byte) (v >>> (8 * i));
    }
    return out;
  }

  private static byte[] sized(int type, byte[] bytes) {
    byte[] out = new byte[5 + bytes.length];
    out[0] = (byte) (type << 2);
    for (int i = 0; i < 4; i++) {
      out[1 + i] = (byte) (bytes.length >>> (8 * i));
    }
    System.arraycopy(bytes, 0, out, 5, bytes.length);
    return out;
  }

  /** The fewest bytes (1 to 4) an unsigned {@code v} fits in. */
  private static int widthOf(int v) {
    return v <= 0xFF ? 1 : v <= 0xFFFF ? 2 : v <= 0xFFFFFF ? 3 : 4;
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, int v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write(v >>> (8 * i));
    }
  }

  /** The UTF-8 bytes of {@code s}, for {@link #string(byte[])}. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
