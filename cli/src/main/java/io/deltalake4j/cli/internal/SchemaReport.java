package io.deltalake4j.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** A table schema as a list of columns, or as the Delta protocol's schema JSON. */
public final class SchemaReport {
  private SchemaReport() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

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
   * The schema in the Delta log's JSON form ({@link StructType#toJson()}), indented. Field metadata
   * values are strings (the library gives them as strings).
   */
  public static void json(PrintWriter out, StructType schema) {
    try {
      out.print(Json.pretty(MAPPER.readValue(schema.toJson(), Object.class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot print the schema JSON: the library wrote JSON that does not parse: " + e.getOriginalMessage(), e);
    }
    out.print('\n');
  }
}
