package io.deltalake4j.arrow.internal.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.defaults.internal.data.vector.DefaultConstantVector;
import io.deltalake4j.internal.kernel.VariantColumns;
import java.nio.charset.StandardCharsets;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Copies values of any Kernel column vector into an Arrow vector of the matching type ({@link
 * io.deltalake4j.arrow.ArrowSchemas}), value by value: for vectors that are not Arrow-backed
 * already, such as partition values and Kernel's own decoder's output.
 */
final class KernelToArrow {
  private KernelToArrow() {}

  /**
   * Puts {@code n} rows of {@code src} into {@code dst} from position 0, replacing what it held:
   * when they are all the rows of an Arrow vector of the same layout, its buffers move into
   * {@code dst} without a copy (and leave {@code src}); otherwise they are copied. The caller sets
   * the value count.
   *
   * @param rows the source positions, or null for {@code 0 .. n)}
   */
  static void moveOrCopy(ColumnVector src, int[] rows, int n, FieldVector dst) {
    if (rows == null && src instanceof ArrowColumnVector a && a.offset() == 0 && a.arrow().getValueCount() == n
        && sameLayout(a.arrow().getField(), dst.getField())) {
      dst.clear();
      a.arrow().makeTransferPair(dst).transfer();
      return;
    }
    if (dst.getValueCapacity() < n) {
      dst.clear();
      dst.setInitialCapacity(n);
      dst.allocateNew();
    }
    copy(src, rows, 0, n, dst, 0);
  }

  /**
   * Copies rows {@code rows[from .. from + n)} of {@code src} to positions {@code at .. at + n)} of
   * {@code dst}, growing it as needed. The caller sets the value count.
   *
   * @param rows the source positions, or null for {@code from .. from + n)} themselves
   */
  static void copy(ColumnVector src, int[] rows, int from, int n, FieldVector dst, int at) {
    // Arrow copies lists and maps through its ComplexCopier, which has no case for zoned
    // timestamps: those are copied here, element ranges by the fast path again.
    if (src instanceof ArrowColumnVector a && sameLayout(a.arrow().getField(), dst.getField())
        && !hasListOrMap(dst.getField())) {
      FieldVector arrow = a.arrow();
      int offset = a.offset();
      for (int i = 0; i < n; i++) {
        dst.copyFromSafe(offset + (rows == null ? from + i : rows[from + i]), at + i, arrow);
      }
      return;
    }
    if (src instanceof DefaultConstantVector && !(dst instanceof StructVector) && !(dst instanceof ListVector)) {
      fillConstant(src, n, dst, at);
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = rows == null ? from + i : rows[from + i];
      int d = at + i;
      if (src.isNullAt(r)) {
        setNull(dst, d);
        continue;
      }
      if (dst instanceof StructVector s) {
        s.setIndexDefined(d);
        continue; // children below, column by column
      }
      if (dst instanceof ListVector list) { // maps too
        copyNested(src, r, list, d);
        continue;
      }
      setValue(src, r, dst, d);
    }
    if (dst instanceof StructVector s) {
      for (int c = 0; c < s.size(); c++) {
        copy(src.getChild(c), rows, from, n, (FieldVector) s.getChildByOrdinal(c), at);
      }
    }
  }

  /**
   * Whether an Arrow vector of field {@code a} can move or be copied into one of field {@code b}
   * as it is: the same types all the way down, and the same child names, which Arrow's struct
   * transfers match children by. Under column mapping the decoder's struct children carry
   * physical names and the output's logical ones: those are copied by position instead.
   */
  static boolean sameLayout(org.apache.arrow.vector.types.pojo.Field a, org.apache.arrow.vector.types.pojo.Field b) {
    if (!a.getType().equals(b.getType()) || a.getChildren().size() != b.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < a.getChildren().size(); i++) {
      org.apache.arrow.vector.types.pojo.Field ca = a.getChildren().get(i);
      org.apache.arrow.vector.types.pojo.Field cb = b.getChildren().get(i);
      if (!ca.getName().equals(cb.getName()) || !sameLayout(ca, cb)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasListOrMap(org.apache.arrow.vector.types.pojo.Field f) {
    if (f.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.List
        || f.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Map) {
      return true;
    }
    for (org.apache.arrow.vector.types.pojo.Field c : f.getChildren()) {
      if (hasListOrMap(c)) {
        return true;
      }
    }
    return false;
  }

  /** A partition value: one value (or null) in every row. */
  private static void fillConstant(ColumnVector src, int n, FieldVector dst, int at) {
    if (src.isNullAt(0)) {
      for (int i = 0; i < n; i++) {
        setNull(dst, at + i);
      }
    } else if (dst instanceof VarCharVector v) {
      byte[] bytes = src.getString(0).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < n; i++) {
        v.setSafe(at + i, bytes);
      }
    } else if (dst instanceof IntVector v) {
      int value = src.getInt(0);
      for (int i = 0; i < n; i++) {
        v.setSafe(at + i, value);
      }
    } else {
      for (int i = 0; i < n; i++) {
        setValue(src, 0, dst, at + i);
      }
    }
  }

  private static void setNull(FieldVector dst, int d) {
    if (dst instanceof StructVector s) {
      s.setNull(d);
    } else if (dst instanceof ListVector l) {
      l.setNull(d);
    } else if (dst instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
      f.setNull(d);
    } else {
      ((org.apache.arrow.vector.BaseVariableWidthVector) dst).setNull(d);
    }
  }

  private static void copyNested(ColumnVector src, int r, ListVector dst, int d) {
    int start = dst.startNewValue(d);
    int size;
    if (dst instanceof MapVector) {
      MapValue map = src.getMap(r);
      size = map.getSize();
      StructVector entries = (StructVector) dst.getDataVector();
      for (int j = 0; j < size; j++) {
        entries.setIndexDefined(start + j);
      }
      copy(map.getKeys(), null, 0, size, (FieldVector) entries.getChildByOrdinal(0), start);
      copy(map.getValues(), null, 0, size, (FieldVector) entries.getChildByOrdinal(1), start);
    } else {
      ArrayValue array = src.getArray(r);
      size = array.getSize();
      copy(array.getElements(), null, 0, size, dst.getDataVector(), start);
    }
    dst.endValue(d, size);
  }

  private static void setValue(ColumnVector src, int r, FieldVector dst, int d) {
    if (dst instanceof IntVector v) {
      v.setSafe(d, src.getInt(r));
    } else if (dst instanceof BigIntVector v) {
      v.setSafe(d, src.getLong(r));
    } else if (dst instanceof VarCharVector v) {
      String text = src.getDataType() instanceof io.delta.kernel.types.StructType
          ? VariantColumns.json(src, r) // a variant: its value and metadata, as JSON text
          : src.getString(r);
      v.setSafe(d, text.getBytes(StandardCharsets.UTF_8));
    } else if (dst instanceof Float8Vector v) {
      v.setSafe(d, src.getDouble(r));
    } else if (dst instanceof DecimalVector v) {
      v.setSafe(d, src.getDecimal(r));
    } else if (dst instanceof DateDayVector v) {
      v.setSafe(d, src.getInt(r));
    } else if (dst instanceof TimeStampVector v) {
      v.setSafe(d, src.getLong(r));
    } else if (dst instanceof BitVector v) {
      v.setSafe(d, src.getBoolean(r) ? 1 : 0);
    } else if (dst instanceof Float4Vector v) {
      v.setSafe(d, src.getFloat(r));
    } else if (dst instanceof SmallIntVector v) {
      v.setSafe(d, src.getShort(r));
    } else if (dst instanceof TinyIntVector v) {
      v.setSafe(d, src.getByte(r));
    } else if (dst instanceof VarBinaryVector v) {
      v.setSafe(d, src.getBinary(r));
    } else {
      throw new IllegalStateException("No copy into Arrow " + dst.getField().getType() + " (" + dst.getClass() + ")");
    }
  }
}
