package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.VariantType;
import io.deltalake4j.internal.variant.MalformedVariantException;
import io.deltalake4j.internal.variant.VariantJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Variant columns, read as what they are in Parquet: a struct of {@code value} and {@code metadata}
 * binaries (Kernel's Parquet reader refuses the variant type itself), each value decoded to its
 * JSON text. Shredded variants (a {@code typed_value} beside them) are put back into this layout
 * as each file is read ({@link ShreddedVariants}).
 */
public final class VariantColumns {
  private VariantColumns() {}

  /** The unshredded Parquet layout of a variant; children read by name. */
  static final StructType PHYSICAL = new StructType()
      .add("value", BinaryType.BINARY, true)
      .add("metadata", BinaryType.BINARY, true);

  /** Reader features under which writers may shred variants (Delta's preview name and the final one). */
  static final List<String> SHREDDING_FEATURES = List.of("variantShredding-preview", "variantShredding");

  /** The field with every variant in its type read as {@link #PHYSICAL}. */
  static StructField physical(StructField f) {
    DataType t = physical(f.getDataType());
    return t == f.getDataType() ? f : new StructField(f.getName(), t, f.isNullable(), f.getMetadata());
  }

  private static DataType physical(DataType t) {
    if (t instanceof VariantType) {
      return PHYSICAL;
    }
    if (t instanceof StructType s) {
      List<StructField> fields = new ArrayList<>(s.length());
      boolean changed = false;
      for (StructField f : s.fields()) {
        StructField p = physical(f);
        changed |= p != f;
        fields.add(p);
      }
      return changed ? new StructType(fields) : s;
    }
    if (t instanceof ArrayType a) {
      DataType e = physical(a.getElementType());
      return e == a.getElementType() ? a : new ArrayType(e, a.containsNull());
    }
    if (t instanceof MapType m) {
      DataType k = physical(m.getKeyType());
      DataType v = physical(m.getValueType());
      return k == m.getKeyType() && v == m.getValueType() ? m : new MapType(k, v, m.isValueContainsNull());
    }
    return t;
  }

  /** The JSON text of the variant in row {@code row} of a {@link #PHYSICAL} vector, which is not null there. */
  public static String json(ColumnVector struct, int row) {
    ColumnVector value = struct.getChild(0);
    ColumnVector metadata = struct.getChild(1);
    if (value.isNullAt(row) || metadata.isNullAt(row)) {
      throw new io.deltalake4j.exceptions.DeltaException(
          "Cannot read a variant value: the data file has no value " + (metadata.isNullAt(row) ? "metadata " : "")
              + "for it (a shredded variant in a table without the variantShredding feature, or a broken writer). "
              + "Leave the column out with select(...).");
    }
    try {
      return VariantJson.toJson(metadata.getBinary(row), value.getBinary(row));
    } catch (MalformedVariantException e) {
      throw new io.deltalake4j.exceptions.DeltaException("Cannot read a variant value: " + e.getMessage()
          + ". The data file is corrupt or was written by a broken writer.", e);
    }
  }
}
