package io.deltalake4j.arrow.internal.kernel.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/**
 * Decodes {@code n} rows of one primitive column from its Parquet column reader into an Arrow
 * vector, value by value, straight into the vector's buffers: no records are assembled and no
 * value is boxed. The vector comes freshly allocated for {@code n} rows, all null; a row is set
 * only when it has a value. Records each row's definition level, which tells the enclosing
 * structs whether they are null. One loop per conversion keeps the per-value work minimal.
 */
final class LeafDecoder {
  private LeafDecoder() {}

  private static final long UNIX_EPOCH_JULIAN_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /**
   * @param levels receives each row's definition level
   */
  static void decode(ColumnReader r, ValueKind kind, int n, FieldVector out, int[] levels) {
    int max = r.getDescriptor().getMaxDefinitionLevel();
    switch (kind) {
      case INT32 -> {
        if (out instanceof IntVector v) {
          for (int i = 0; i < n; i++) {
            if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
              v.set(i, r.getInteger());
            }
            r.consume();
          }
        } else if (out instanceof DateDayVector v) {
          for (int i = 0; i < n; i++) {
            if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
              v.set(i, r.getInteger());
            }
            r.consume();
          }
        } else if (out instanceof SmallIntVector v) {
          for (int i = 0; i < n; i++) {
            if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
              v.set(i, (short) r.getInteger());
            }
            r.consume();
          }
        } else {
          TinyIntVector v = (TinyIntVector) out;
          for (int i = 0; i < n; i++) {
            if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
              v.set(i, (byte) r.getInteger());
            }
            r.consume();
          }
        }
      }
      case INT32_TO_LONG -> {
        BigIntVector v = (BigIntVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getInteger());
          }
          r.consume();
        }
      }
      case INT32_TO_DOUBLE -> {
        Float8Vector v = (Float8Vector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getInteger());
          }
          r.consume();
        }
      }
      case INT64 -> {
        BaseFixedWidthVector v = (BaseFixedWidthVector) out;
        org.apache.arrow.memory.ArrowBuf values = v.getDataBuffer();
        org.apache.arrow.memory.ArrowBuf validity = v.getValidityBuffer();
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            org.apache.arrow.vector.BitVectorHelper.setBit(validity, i);
            values.setLong((long) i * Long.BYTES, r.getLong());
          }
          r.consume();
        }
      }
      case MILLIS_TO_MICROS -> {
        TimeStampVector v = (TimeStampVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, Math.multiplyExact(r.getLong(), 1_000L));
          }
          r.consume();
        }
      }
      case INT96_TO_MICROS -> {
        TimeStampVector v = (TimeStampVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, int96Micros(r.getBinary()));
          }
          r.consume();
        }
      }
      case FLOAT -> {
        Float4Vector v = (Float4Vector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getFloat());
          }
          r.consume();
        }
      }
      case FLOAT_TO_DOUBLE -> {
        Float8Vector v = (Float8Vector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getFloat());
          }
          r.consume();
        }
      }
      case DOUBLE -> {
        Float8Vector v = (Float8Vector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getDouble());
          }
          r.consume();
        }
      }
      case BOOLEAN -> {
        BitVector v = (BitVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, r.getBoolean() ? 1 : 0);
          }
          r.consume();
        }
      }
      case DECIMAL_LONG -> {
        DecimalVector v = (DecimalVector) out;
        boolean int32 = r.getDescriptor().getPrimitiveType().getPrimitiveTypeName()
            == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.set(i, int32 ? r.getInteger() : r.getLong());
          }
          r.consume();
        }
      }
      case DECIMAL_BYTES -> {
        DecimalVector v = (DecimalVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            v.setBigEndian(i, r.getBinary().getBytesUnsafe());
          }
          r.consume();
        }
      }
      case BYTES -> {
        BaseVariableWidthVector v = (BaseVariableWidthVector) out;
        for (int i = 0; i < n; i++) {
          if ((levels[i] = r.getCurrentDefinitionLevel()) == max) {
            ByteBuffer bytes = r.getBinary().toByteBuffer();
            v.setSafe(i, bytes, bytes.position(), bytes.remaining());
          } else {
            v.setNull(i);
          }
          r.consume();
        }
      }
    }
    out.setValueCount(n);
  }

  /** Sets the reader's current value, converted as {@code kind}, at {@code i} of {@code out}, growing it as needed. */
  static void set(ColumnReader r, ValueKind kind, FieldVector out, int i) {
    switch (kind) {
      case INT32 -> {
        if (out instanceof IntVector v) {
          v.setSafe(i, r.getInteger());
        } else if (out instanceof DateDayVector v) {
          v.setSafe(i, r.getInteger());
        } else if (out instanceof SmallIntVector v) {
          v.setSafe(i, (short) r.getInteger());
        } else {
          ((TinyIntVector) out).setSafe(i, (byte) r.getInteger());
        }
      }
      case INT32_TO_LONG -> ((BigIntVector) out).setSafe(i, r.getInteger());
      case INT32_TO_DOUBLE -> ((Float8Vector) out).setSafe(i, r.getInteger());
      case INT64 -> {
        if (out instanceof TimeStampVector v) {
          v.setSafe(i, r.getLong());
        } else {
          ((BigIntVector) out).setSafe(i, r.getLong());
        }
      }
      case MILLIS_TO_MICROS -> ((TimeStampVector) out).setSafe(i, Math.multiplyExact(r.getLong(), 1_000L));
      case INT96_TO_MICROS -> ((TimeStampVector) out).setSafe(i, int96Micros(r.getBinary()));
      case FLOAT -> ((Float4Vector) out).setSafe(i, r.getFloat());
      case FLOAT_TO_DOUBLE -> ((Float8Vector) out).setSafe(i, r.getFloat());
      case DOUBLE -> ((Float8Vector) out).setSafe(i, r.getDouble());
      case BOOLEAN -> ((BitVector) out).setSafe(i, r.getBoolean() ? 1 : 0);
      case DECIMAL_LONG -> ((DecimalVector) out).setSafe(i,
          r.getDescriptor().getPrimitiveType().getPrimitiveTypeName()
              == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32 ? r.getInteger() : r.getLong());
      case DECIMAL_BYTES -> ((DecimalVector) out).setBigEndianSafe(i, r.getBinary().getBytesUnsafe());
      case BYTES -> {
        ByteBuffer bytes = r.getBinary().toByteBuffer();
        ((BaseVariableWidthVector) out).setSafe(i, bytes, bytes.position(), bytes.remaining());
      }
    }
  }

  private static long int96Micros(Binary value) {
    ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = b.getLong(b.position());
    int julianDay = b.getInt(b.position() + 8);
    return (julianDay - UNIX_EPOCH_JULIAN_DAY) * MICROS_PER_DAY + nanosOfDay / 1_000L;
  }
}
