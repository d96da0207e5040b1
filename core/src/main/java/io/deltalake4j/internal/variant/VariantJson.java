package io.deltalake4j.internal.variant;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * A Variant value (Parquet's VariantEncoding: a metadata dictionary and a value) as JSON text, the
 * way Spark's {@code to_json} renders it with the session time zone UTC: object keys in the
 * encoding's order, integers and decimals as plain numbers (decimals without trailing zeros),
 * doubles and floats as Java prints them, dates {@code "2024-09-09"}, timestamps
 * {@code "2024-09-09 10:30:00.5+00:00"}, timestamp_ntz without the offset, binary as Base64, UUIDs
 * in their usual form.
 */
public final class VariantJson {
  private VariantJson() {}

  private static final DateTimeFormatter NTZ = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter(Locale.US);
  private static final DateTimeFormatter TZ = new DateTimeFormatterBuilder()
      .append(NTZ).appendOffset("+HH:MM", "+00:00").toFormatter(Locale.US);

  private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

  /**
   * The JSON text of the variant.
   *
   * @throws MalformedVariantException if the bytes do not follow the encoding
   */
  public static String toJson(byte[] metadata, byte[] value) {
    VariantMetadata dictionary = VariantMetadata.parse(metadata);
    StringBuilder out = new StringBuilder();
    try {
      append(out, dictionary, value, 0);
    } catch (IndexOutOfBoundsException e) {
      throw new MalformedVariantException("a value runs past the end of its " + value.length + " bytes", e);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, VariantMetadata dictionary, byte[] v, int pos) {
    int header = v[pos] & 0xFF;
    int basicType = header & 0x3;
    int info = header >>> 2;
    switch (basicType) {
      case 0 -> primitive(out, v, pos, info);
      case 1 -> string(out, new String(v, pos + 1, info, StandardCharsets.UTF_8));
      case 2 -> object(out, dictionary, v, pos, info);
      default -> array(out, dictionary, v, pos, info);
    }
  }

  private static void object(StringBuilder out, VariantMetadata dictionary, byte[] v, int pos, int info) {
    int offsetSize = (info & 0x3) + 1;
    int idSize = ((info >>> 2) & 0x3) + 1;
    boolean large = (info & 0x10) != 0;
    int sizeBytes = large ? 4 : 1;
    int n = Bytes.unsigned(v, pos + 1, sizeBytes);
    int ids = pos + 1 + sizeBytes;
    int offsets = ids + n * idSize;
    int data = offsets + (n + 1) * offsetSize;
    out.append('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, dictionary.key(Bytes.unsigned(v, ids + i * idSize, idSize)));
      out.append(':');
      append(out, dictionary, v, data + Bytes.unsigned(v, offsets + i * offsetSize, offsetSize));
    }
    out.append('}');
  }

  private static void array(StringBuilder out, VariantMetadata dictionary, byte[] v, int pos, int info) {
    int offsetSize = (info & 0x3) + 1;
    boolean large = (info & 0x4) != 0;
    int sizeBytes = large ? 4 : 1;
    int n = Bytes.unsigned(v, pos + 1, sizeBytes);
    int offsets = pos + 1 + sizeBytes;
    int data = offsets + (n + 1) * offsetSize;
    out.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, dictionary, v, data + Bytes.unsigned(v, offsets + i * offsetSize, offsetSize));
    }
    out.append(']');
  }

  private static void primitive(StringBuilder out, byte[] v, int pos, int type) {
    int p = pos + 1;
    switch (type) {
      case 0 -> out.append("null");
      case 1 -> out.append("true");
      case 2 -> out.append("false");
      case 3 -> out.append(v[p]);
      case 4 -> out.append((short) Bytes.signed(v, p, 2));
      case 5 -> out.append((int) Bytes.signed(v, p, 4));
      case 6 -> out.append(Bytes.signed(v, p, 8));
      case 7 -> out.append(Double.longBitsToDouble(Bytes.signed(v, p, 8)));
      case 8 -> out.append(decimal(v, p, 4).toPlainString());
      case 9 -> out.append(decimal(v, p, 8).toPlainString());
      case 10 -> out.append(decimal(v, p, 16).toPlainString());
      case 11 -> quoted(out, LocalDate.ofEpochDay((int) Bytes.signed(v, p, 4)).toString());
      case 12 -> quoted(out, TZ.format(micros(Bytes.signed(v, p, 8)).atOffset(ZoneOffset.UTC)));
      case 13 -> quoted(out, NTZ.format(LocalDateTime.ofInstant(micros(Bytes.signed(v, p, 8)), ZoneOffset.UTC)));
      case 14 -> out.append(Float.intBitsToFloat((int) Bytes.signed(v, p, 4)));
      case 15 -> quoted(out, Base64.getEncoder().encodeToString(
          java.util.Arrays.copyOfRange(v, p + 4, p + 4 + Bytes.unsigned(v, p, 4))));
      case 16 -> string(out, new String(v, p + 4, Bytes.unsigned(v, p, 4), StandardCharsets.UTF_8));
      case 17 -> quoted(out, LocalTime.ofNanoOfDay(Bytes.signed(v, p, 8) * 1000).toString());
      case 18 -> quoted(out, TZ.format(nanos(Bytes.signed(v, p, 8)).atOffset(ZoneOffset.UTC)));
      case 19 -> quoted(out, NTZ.format(LocalDateTime.ofInstant(nanos(Bytes.signed(v, p, 8)), ZoneOffset.UTC)));
      case 20 -> quoted(out, uuid(v, p).toString());
      default -> throw new MalformedVariantException("primitive type " + type + " is not in the encoding", null);
    }
  }

  /** A decimal of {@code width} unscaled bytes after its scale byte, without trailing zeros (as Spark prints it). */
  private static BigDecimal decimal(byte[] v, int p, int width) {
    int scale = v[p];
    byte[] bigEndian = new byte[width];
    for (int i = 0; i < width; i++) {
      bigEndian[i] = v[p + width - i];
    }
    BigDecimal d = new BigDecimal(new BigInteger(bigEndian), scale);
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  private static Instant micros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static Instant nanos(long nanos) {
    return Instant.EPOCH.plusNanos(nanos);
  }

  /** A UUID: 16 bytes, big-endian. */
  private static UUID uuid(byte[] v, int p) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (v[p + i] & 0xFF);
      lo = (lo << 8) | (v[p + 8 + i] & 0xFF);
    }
    return new UUID(hi, lo);
  }

  private static void quoted(StringBuilder out, String plain) {
    out.append('"').append(plain).append('"');
  }

  /** A JSON string literal, escaped as Jackson (and so Spark) escapes it. */
  private static void string(StringBuilder out, String s) {
    StringWriter w = new StringWriter(s.length() + 2);
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(w)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(w);
  }
}
