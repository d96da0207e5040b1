package io.deltalake4j.arrow.internal.kernel.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.api.Binary;

/**
 * Decodes a flat (non-repeated) primitive column of one row group page by page, straight into
 * Arrow buffers: plain-encoded fixed-width values are copied in bulk where a run has no nulls,
 * dictionary-encoded strings come from a per-chunk cache of their bytes, and any other encoding
 * is read value by value through parquet's own decoders. Parquet's record-oriented column reader
 * is bypassed, which is where most of the time of a scan went.
 *
 * <p>Writes go to the vector's buffers without Arrow's bounds checks: the vector must come
 * allocated for at least the rows decoded into it, with all of them null.
 */
final class PageDecoder {

  private final ColumnDescriptor column;
  private final PageReader pages;
  private final ValueKind kind;
  private final int maxLevel;
  private final Dictionary dictionary;
  private final boolean int32Decimals; // DECIMAL_LONG stored as INT32, else as INT64
  private byte[][] dictionaryBytes;

  private int pageLeft;
  private LevelReader levels;
  private ValuesReader values;
  private ByteBuffer plain;
  private boolean dictionaryEncoded;

  /** Levels of the current page; max for every value when the column is required. */
  private interface LevelReader {
    int next() throws IOException;
  }

  PageDecoder(ColumnDescriptor column, PageReader pages, ValueKind kind) throws IOException {
    this.column = column;
    this.pages = pages;
    this.kind = kind;
    this.maxLevel = column.getMaxDefinitionLevel();
    this.int32Decimals = column.getPrimitiveType().getPrimitiveTypeName()
        == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
    DictionaryPage page = pages.readDictionaryPage();
    this.dictionary = page == null ? null : page.getEncoding().initDictionary(column, page);
  }

  /** Whether this decoder handles the column decoded as {@code kind} into {@code vector}. */
  static boolean handles(ColumnDescriptor column, ValueKind kind, FieldVector vector) {
    if (column.getMaxRepetitionLevel() != 0) {
      return false;
    }
    return switch (kind) {
      case INT32 -> vector instanceof IntVector || vector instanceof DateDayVector;
      case INT64 -> vector instanceof BigIntVector || vector instanceof TimeStampVector;
      case FLOAT -> vector instanceof Float4Vector;
      case DOUBLE -> vector instanceof Float8Vector;
      case DECIMAL_LONG -> vector instanceof DecimalVector;
      case BYTES -> vector instanceof BaseVariableWidthVector // plain FIXED_LEN_BYTE_ARRAY has no length prefix
          && column.getPrimitiveType().getPrimitiveTypeName() == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
      default -> false;
    };
  }

  /** Decodes the next {@code n} rows into {@code out}; {@code levels} receives their definition levels. */
  void decode(int n, FieldVector out, int[] levels) {
    try {
      int i = 0;
      while (i < n) {
        if (pageLeft == 0) {
          nextPage();
        }
        int take = Math.min(n - i, pageLeft);
        readLevels(levels, i, take);
        if (kind == ValueKind.BYTES) {
          readBytes((BaseVariableWidthVector) out, levels, i, take);
        } else {
          readFixed((BaseFixedWidthVector) out, levels, i, take);
        }
        i += take;
        pageLeft -= take;
      }
      out.setValueCount(n);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode column " + String.join(".", column.getPath()) + ": " + e.getMessage(), e);
    }
  }

  private void readLevels(int[] out, int from, int n) throws IOException {
    if (maxLevel == 0) {
      java.util.Arrays.fill(out, from, from + n, 0);
      return;
    }
    for (int i = from; i < from + n; i++) {
      out[i] = levels.next();
    }
  }

  private void readFixed(BaseFixedWidthVector v, int[] levels, int from, int n) throws IOException {
    int width = kind == ValueKind.DECIMAL_LONG ? 16 : (kind == ValueKind.INT32 || kind == ValueKind.FLOAT ? 4 : 8);
    long data = v.getDataBuffer().memoryAddress();
    long validity = v.getValidityBuffer().memoryAddress();
    int i = from;
    int end = from + n;
    while (i < end) {
      if (levels[i] != maxLevel) {
        i++;
        continue;
      }
      int run = i;
      while (run < end && levels[run] == maxLevel) {
        run++;
      }
      if (plain != null && kind != ValueKind.DECIMAL_LONG) {
        copyPlain(data + (long) i * width, (long) (run - i) * width);
      } else {
        for (int r = i; r < run; r++) {
          writeValue(data + (long) r * width);
        }
      }
      for (int r = i; r < run; r++) {
        setValid(validity, r);
      }
      i = run;
    }
  }

  /** Copies {@code bytes} of plain little-endian values (Arrow's layout too) from the page. */
  private void copyPlain(long address, long bytes) throws IOException {
    int pos = plain.position();
    if (bytes > plain.remaining()) {
      throw new IOException("a page holds fewer values than its levels say");
    }
    if (plain.hasArray()) {
      MemoryUtil.copyToMemory(plain.array(), plain.arrayOffset() + pos, address, bytes);
    } else {
      MemoryUtil.copyMemory(MemoryUtil.getByteBufferAddress(plain) + pos, address, bytes);
    }
    plain.position(pos + (int) bytes);
  }

  private void writeValue(long address) {
    switch (kind) {
      case INT32 -> MemoryUtil.putInt(address, plain != null ? plain.getInt() : values.readInteger());
      case INT64 -> MemoryUtil.putLong(address, plain != null ? plain.getLong() : values.readLong());
      case FLOAT -> MemoryUtil.putInt(address, Float.floatToRawIntBits(plain != null ? plain.getFloat() : values.readFloat()));
      case DOUBLE -> MemoryUtil.putLong(address, Double.doubleToRawLongBits(plain != null ? plain.getDouble() : values.readDouble()));
      case DECIMAL_LONG -> {
        long unscaled = int32Decimals ? (plain != null ? plain.getInt() : values.readInteger())
            : (plain != null ? plain.getLong() : values.readLong());
        MemoryUtil.putLong(address, unscaled); // 128-bit little-endian two's complement
        MemoryUtil.putLong(address + 8, unscaled < 0 ? -1L : 0L);
      }
      default -> throw new IllegalStateException("not a fixed-width kind: " + kind);
    }
  }

  private void readBytes(BaseVariableWidthVector v, int[] levels, int from, int n) throws IOException {
    for (int i = from; i < from + n; i++) {
      if (levels[i] != maxLevel) {
        continue;
      }
      if (plain != null) {
        int length = plain.getInt();
        int pos = plain.position();
        if (length < 0 || length > plain.remaining()) {
          throw new IOException("a string or binary value runs past the end of its page");
        }
        v.setSafe(i, plain, pos, length);
        plain.position(pos + length);
      } else if (dictionaryEncoded) {
        v.setSafe(i, dictionaryBytes()[values.readValueDictionaryId()]);
      } else {
        Binary b = values.readBytes();
        ByteBuffer bytes = b.toByteBuffer();
        v.setSafe(i, bytes, bytes.position(), bytes.remaining());
      }
    }
  }

  private byte[][] dictionaryBytes() {
    if (dictionaryBytes == null) {
      dictionaryBytes = new byte[dictionary.getMaxId() + 1][];
      for (int id = 0; id < dictionaryBytes.length; id++) {
        dictionaryBytes[id] = dictionary.decodeToBinary(id).getBytes();
      }
    }
    return dictionaryBytes;
  }

  private static void setValid(long validity, int i) {
    long address = validity + (i >>> 3);
    MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (i & 7))));
  }

  private void nextPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IOException("the row group ended before its row count");
    }
    pageLeft = page.getValueCount();
    if (page instanceof DataPageV1 v1) {
      ByteBufferInputStream in = v1.getBytes().toInputStream();
      ValuesReader rl = v1.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL);
      ValuesReader dl = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
      rl.initFromPage(pageLeft, in);
      dl.initFromPage(pageLeft, in);
      levels = dl::readInteger;
      initValues(v1.getValueEncoding(), in);
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      RunLengthBitPackingHybridDecoder dl = new RunLengthBitPackingHybridDecoder(
          BytesUtils.getWidthFromMaxInt(maxLevel), v2.getDefinitionLevels().toInputStream());
      levels = dl::readInt;
      initValues(v2.getDataEncoding(), v2.getData().toInputStream());
    }
  }

  private void initValues(Encoding encoding, ByteBufferInputStream in) throws IOException {
    plain = null;
    values = null;
    dictionaryEncoded = encoding.usesDictionary();
    if (encoding == Encoding.PLAIN && kind != ValueKind.BOOLEAN) {
      plain = in.slice(in.available()).order(ByteOrder.LITTLE_ENDIAN);
      return;
    }
    if (dictionaryEncoded) {
      if (dictionary == null) {
        throw new IOException("a dictionary-encoded page without a dictionary");
      }
      values = encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
    } else {
      values = encoding.getValuesReader(column, ValuesType.VALUES);
    }
    values.initFromPage(pageLeft, in);
  }
}
