package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.internal.kernel.ValueReader;
import io.deltalake4j.internal.rows.ValueText;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks columnar batches against the schema they are written with, as rows are checked: the
 * vectors' types were checked where the batches were made, so what is left is NOT NULL at any
 * depth, decimals within their precision, and map keys present and distinct. Columns with none
 * of these in them are not looked at.
 */
final class BatchChecker {

  private final StructType schema;
  private final String location;
  private final boolean[] checked;

  BatchChecker(StructType schema, String location) {
    this.schema = schema;
    this.location = location;
    this.checked = new boolean[schema.size()];
    for (int c = 0; c < checked.length; c++) {
      StructField f = schema.field(c);
      checked[c] = !f.nullable() || hasChecks(f.type());
    }
  }

  /** The batch, checked. */
  ColumnarBatch check(ColumnarBatch batch) {
    if (batch.getSchema().length() != schema.size()) {
      throw new IllegalStateException(
          "A batch has " + batch.getSchema().length() + " columns for the " + schema.size() + " of " + schema.sql());
    }
    for (int c = 0; c < checked.length; c++) {
      if (checked[c]) {
        StructField f = schema.field(c);
        ColumnVector v = batch.getColumnVector(c);
        for (int i = 0; i < batch.getSize(); i++) {
          check(v, i, f.type(), f.nullable(), f.name());
        }
      }
    }
    return batch;
  }

  private void check(ColumnVector v, int i, DataType type, boolean nullable, String path) {
    if (v.isNullAt(i)) {
      if (!nullable) {
        throw new SchemaMismatchException("Cannot write null into column '" + path + "' of table " + location
            + ": the column is NOT NULL. Give it a value, or make the column nullable.");
      }
      return;
    }
    if (type instanceof StructType s) {
      for (int c = 0; c < s.size(); c++) {
        StructField f = s.field(c);
        if (!f.nullable() || hasChecks(f.type())) {
          check(v.getChild(c), i, f.type(), f.nullable(), path + "." + f.name());
        }
      }
    } else if (type instanceof DecimalType d) {
      BigDecimal value = v.getDecimal(i);
      if (value.precision() > d.precision()) {
        throw new SchemaMismatchException("Cannot write " + value.toPlainString() + " into column '" + path
            + "' of table " + location + ": it has more digits than " + d.sql() + " holds. "
            + "Round it, or widen the column's precision.");
      }
    } else if (type instanceof ArrayType a && (!a.containsNull() || hasChecks(a.elementType()))) {
      ArrayValue array = v.getArray(i);
      for (int j = 0; j < array.getSize(); j++) {
        check(array.getElements(), j, a.elementType(), a.containsNull(), path + "[" + j + "]");
      }
    } else if (type instanceof MapType m) {
      MapValue map = v.getMap(i);
      for (int j = 0; j < map.getSize(); j++) {
        if (map.getKeys().isNullAt(j)) {
          throw new SchemaMismatchException(
              "Cannot write map into '" + path + "' of table " + location + ": a key is null. Map keys cannot be null.");
        }
        check(map.getKeys(), j, m.keyType(), false, path + ".key");
        check(map.getValues(), j, m.valueType(), m.valueContainsNull(), path + ".value");
      }
      Set<Object> keys = new HashSet<>();
      for (int j = 0; j < map.getSize(); j++) {
        Object key = ValueReader.read(map.getKeys(), j, m.keyType());
        if (!keys.add(key instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : key)) {
          throw new SchemaMismatchException("Cannot write map into '" + path + "' of table " + location
              + ": the key " + ValueText.orClassName(key) + " appears twice. Give each key once.");
        }
      }
    }
  }

  /** True if a value of the type has something to check: a NOT NULL part, a decimal, a map. */
  private static boolean hasChecks(DataType type) {
    if (type instanceof StructType s) {
      return s.fields().stream().anyMatch(f -> !f.nullable() || hasChecks(f.type()));
    }
    if (type instanceof ArrayType a) {
      return !a.containsNull() || hasChecks(a.elementType());
    }
    return type instanceof MapType || type instanceof DecimalType;
  }
}
