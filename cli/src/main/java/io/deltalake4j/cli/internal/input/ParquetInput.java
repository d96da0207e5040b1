package io.deltalake4j.cli.internal.input;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.RowIterator;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Parquet file, read through {@link DeltaLake#readParquet}: its footer is the inferred schema.
 * Columns are matched to the schema by name. Values are taken as the file holds them, with the
 * widening the row builder does (int into long, float into double, whole numbers into decimals) and
 * one narrowing: an int into a byte or short column when it fits (Delta Kernel and some other
 * writers store byte and short columns as plain int).
 */
final class ParquetInput implements Input {

  private final DeltaLake lake;
  private final String file;

  ParquetInput(DeltaLake lake, String file) {
    this.lake = lake;
    this.file = file;
  }

  @Override
  public StructType inferSchema(int sampleRows) {
    try (RowIterator rows = lake.readParquet(file)) {
      return rows.schema();
    }
  }

  @Override
  public RowSource open(StructType schema) {
    RowIterator rows = lake.readParquet(file);
    StructType fileSchema = rows.schema();
    int[] target = new int[fileSchema.size()];
    for (int i = 0; i < target.length; i++) {
      target[i] = schema.indexOf(fileSchema.field(i).name());
      if (target[i] < 0) {
        rows.close();
        throw Records.unknownColumn(file, fileSchema.field(i).name(), schema);
      }
    }
    return new RowSource() {
      private long n;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row in = rows.next();
        String where = "row " + ++n + " of " + file;
        Object[] values = new Object[schema.size()];
        try {
          for (int i = 0; i < target.length; i++) {
            values[target[i]] = narrow(in.get(i), schema.field(target[i]).type(), fileSchema.field(i).name());
          }
        } catch (BadValue bad) {
          throw Records.bad(where, bad);
        }
        return Records.row(schema, values, where);
      }

      @Override
      public void close() {
        rows.close();
      }
    };
  }

  /** Ints into byte and short columns, at any depth; every other value as it is. */
  private static Object narrow(Object value, DataType type, String path) {
    if (value instanceof Integer i && (type == PrimitiveType.BYTE || type == PrimitiveType.SHORT)) {
      return TextValues.integral(BigInteger.valueOf(i), (PrimitiveType) type, path, i.toString());
    }
    if (value instanceof Row r && type instanceof StructType s) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        String name = r.schema().field(i).name();
        int at = s.indexOf(name);
        fields.put(name, at < 0 ? r.get(i) : narrow(r.get(i), s.field(at).type(), path + "." + name));
      }
      return fields;
    }
    if (value instanceof List<?> list && type instanceof ArrayType a) {
      return list.stream().map(e -> narrow(e, a.elementType(), path + "[]")).toList();
    }
    if (value instanceof Map<?, ?> map && type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(narrow(k, m.keyType(), path + ".key"), narrow(v, m.valueType(), path + ".value")));
      return out;
    }
    return value;
  }
}
