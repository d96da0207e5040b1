package io.deltalake4j.interop;

import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts deltalake4j rows into {@link CanonicalRows canonical rows}, the form interop tests compare
 * with Spark's. Our Java values are already the canonical ones but for binary ({@code byte[]} becomes
 * {@link Binary}) and struct ({@link Row} becomes a field-name map).
 */
final class LibraryRows {
  private LibraryRows() {}

  /** All rows of the scan, in canonical form, sorted in {@link CanonicalRows#ROW_ORDER}. */
  static List<List<Object>> collectSorted(Scan scan) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : scan.toList()) {
      rows.add(canonicalRow(row));
    }
    return CanonicalRows.sorted(rows);
  }

  /** Our rows as canonical rows sorted in {@link CanonicalRows#ROW_ORDER}. */
  static List<List<Object>> sorted(Iterable<Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    rows.forEach(r -> out.add(canonicalRow(r)));
    return CanonicalRows.sorted(out);
  }

  static List<Object> canonicalRow(Row row) {
    StructType schema = row.schema();
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = canonicalValue(row.get(i), schema.field(i).type());
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  static Object canonicalValue(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType struct) {
      Row row = (Row) value;
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < struct.size(); i++) {
        StructField f = struct.field(i);
        fields.put(f.name(), canonicalValue(row.get(i), f.type()));
      }
      return Collections.unmodifiableMap(fields);
    }
    if (type instanceof ArrayType array) {
      List<Object> elements = new ArrayList<>();
      for (Object e : (List<?>) value) {
        elements.add(canonicalValue(e, array.elementType()));
      }
      return Collections.unmodifiableList(elements);
    }
    if (type instanceof MapType map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) ->
          entries.put(canonicalValue(k, map.keyType()), canonicalValue(v, map.valueType())));
      return Collections.unmodifiableMap(entries);
    }
    if (value instanceof byte[] bytes) {
      return Binary.of(bytes);
    }
    return value;
  }

  /** A canonical row as the Java values our row builder takes: the inverse of {@link #canonicalValue}. */
  static Object[] libraryValues(List<Object> canonical, StructType schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = libraryValue(canonical.get(i), schema.field(i).type());
    }
    return values;
  }

  private static Object libraryValue(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType struct) {
      Map<?, ?> fields = (Map<?, ?>) value;
      Object[] values = new Object[struct.size()];
      for (int i = 0; i < values.length; i++) {
        StructField f = struct.field(i);
        values[i] = libraryValue(fields.get(f.name()), f.type());
      }
      return Row.of(struct, values);
    }
    if (type instanceof ArrayType array) {
      List<Object> elements = new ArrayList<>();
      for (Object e : (List<?>) value) {
        elements.add(libraryValue(e, array.elementType()));
      }
      return elements;
    }
    if (type instanceof MapType map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> entries.put(libraryValue(k, map.keyType()), libraryValue(v, map.valueType())));
      return entries;
    }
    if (value instanceof Binary binary) {
      return binary.toByteArray();
    }
    return value;
  }
}
