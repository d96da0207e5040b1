package io.deltalake4j.cli.internal;

import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A table schema as a list of columns, or as the Delta protocol's schema JSON. */
public final class SchemaReport {
  private SchemaReport() {}

  /** One line per column: name, SQL type ({@code decimal(10,2)}, {@code map<string,int>}), nullable, partition. */
  public static void table(PrintWriter out, StructType schema, List<String> partitionColumns) {
    TextTable table = new TextTable(out, List.of(
        TextTable.Column.left("name"),
        TextTable.Column.left("type"),
        TextTable.Column.left("nullable"),
        TextTable.Column.left("partition")), 0);
    for (StructField f : schema.fields()) {
      table.add(Arrays.asList(f.name(), f.type().sql(), Boolean.toString(f.nullable()),
          partitionColumns.contains(f.name()) ? "yes" : ""));
    }
    table.finish();
  }

  /**
   * The schema in the Delta log's JSON form, {@code {"type":"struct","fields":[...]}}, indented.
   * Field metadata values are written as strings (the library gives them as strings).
   */
  public static void json(PrintWriter out, StructType schema) {
    out.print(Json.pretty(type(schema)));
    out.print('\n');
  }

  /** The JSON value of a type: a string for primitives and decimals, an object for the rest. */
  static Object type(DataType type) {
    if (type instanceof PrimitiveType p) {
      return primitiveName(p);
    }
    if (type instanceof DecimalType d) {
      return "decimal(" + d.precision() + "," + d.scale() + ")";
    }
    Map<String, Object> json = new LinkedHashMap<>();
    if (type instanceof ArrayType a) {
      json.put("type", "array");
      json.put("elementType", type(a.elementType()));
      json.put("containsNull", a.containsNull());
    } else if (type instanceof MapType m) {
      json.put("type", "map");
      json.put("keyType", type(m.keyType()));
      json.put("valueType", type(m.valueType()));
      json.put("valueContainsNull", m.valueContainsNull());
    } else {
      List<Object> fields = new ArrayList<>();
      for (StructField f : ((StructType) type).fields()) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", f.name());
        field.put("type", type(f.type()));
        field.put("nullable", f.nullable());
        field.put("metadata", new TreeMap<>(f.metadata()));
        fields.add(field);
      }
      json.put("type", "struct");
      json.put("fields", fields);
    }
    return json;
  }

  /** The protocol's names, which differ from the SQL ones for the integral types. */
  private static String primitiveName(PrimitiveType p) {
    return switch (p) {
      case BOOLEAN -> "boolean";
      case BYTE -> "byte";
      case SHORT -> "short";
      case INT -> "integer";
      case LONG -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case STRING -> "string";
      case BINARY -> "binary";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_NTZ -> "timestamp_ntz";
      case VARIANT -> "variant";
    };
  }
}
