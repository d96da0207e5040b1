package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one value of a Kernel column vector as our Java value for the column type. */
public final class ValueReader {
  private ValueReader() {}

  public static Object read(ColumnVector v, int row, DataType type) {
    if (v.isNullAt(row)) {
      return null;
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN -> v.getBoolean(row);
        case BYTE -> v.getByte(row);
        case SHORT -> v.getShort(row);
        case INT -> v.getInt(row);
        case LONG -> v.getLong(row);
        case FLOAT -> v.getFloat(row);
        case DOUBLE -> v.getDouble(row);
        case STRING -> v.getString(row);
        case BINARY -> v.getBinary(row);
        case DATE -> LocalDate.ofEpochDay(v.getInt(row));
        case TIMESTAMP -> Micros.toInstant(v.getLong(row));
        case TIMESTAMP_NTZ -> Micros.toLocalDateTime(v.getLong(row));
        case VARIANT -> VariantColumns.json(v, row);
      };
    }
    if (type instanceof DecimalType d) {
      return v.getDecimal(row).setScale(d.scale());
    }
    if (type instanceof StructType s) {
      Object[] values = new Object[s.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = read(v.getChild(i), row, s.field(i).type());
      }
      return new ArrayRow(s, values);
    }
    if (type instanceof ArrayType a) {
      ArrayValue av = v.getArray(row);
      ColumnVector elements = av.getElements();
      List<Object> out = new ArrayList<>(av.getSize());
      for (int i = 0; i < av.getSize(); i++) {
        out.add(read(elements, i, a.elementType()));
      }
      return Collections.unmodifiableList(out);
    }
    MapType m = (MapType) type;
    MapValue mv = v.getMap(row);
    ColumnVector keys = mv.getKeys();
    ColumnVector values = mv.getValues();
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < mv.getSize(); i++) {
      out.put(read(keys, i, m.keyType()), read(values, i, m.valueType()));
    }
    return Collections.unmodifiableMap(out);
  }
}
