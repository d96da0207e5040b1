package io.deltalake4j;

import io.deltalake4j.internal.kernel.KernelTable;
import io.deltalake4j.internal.kernel.write.WriteSpec;
import io.deltalake4j.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a table: schema, partition columns, properties, and optionally its first rows, in one
 * commit (version 0, operation {@code CREATE TABLE}). Fails if a table exists there.
 */
public final class CreateTable extends WriteBuilder<CreateTable> {

  private final KernelTable table;
  private StructType schema;
  private List<String> partitionColumns;
  private final Map<String, String> properties = new LinkedHashMap<>();

  CreateTable(DeltaLake lake, KernelTable table) {
    super(lake);
    this.table = table;
  }

  @Override
  CreateTable self() {
    return this;
  }

  public CreateTable schema(StructType schema) {
    Objects.requireNonNull(schema, "schema");
    requireUnset("schema", this.schema);
    this.schema = schema;
    return this;
  }

  /** Partitions the table by these columns, in this order (Hive-style directories). */
  public CreateTable partitionBy(String... columns) {
    requireUnset("partitionBy", partitionColumns);
    this.partitionColumns = List.copyOf(Arrays.asList(columns));
    return this;
  }

  /** A table property: a {@code delta.*} setting (validated by Delta) or a user property; each key once. */
  public CreateTable property(String key, String value) {
    Objects.requireNonNull(key, "key");
    requireUnset("property '" + key + "'", properties.get(key));
    properties.put(key, Objects.requireNonNull(value, "value"));
    return this;
  }

  public CreateTable properties(Map<String, String> properties) {
    properties.forEach(this::property);
    return this;
  }

  /**
   * Creates the table.
   *
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException if a table is already there
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if the schema, partitioning or a row
   *     is invalid; nothing is committed
   */
  @Override
  public CommitResult commit() {
    if (schema == null) {
      throw new IllegalStateException("Cannot create table at " + table.location() + ": no schema. Call schema(...) first.");
    }
    return run(table, new WriteSpec.Parts(
        WriteMode.ERROR, "CREATE TABLE", schema, partitionColumns == null ? List.of() : partitionColumns,
        Map.copyOf(properties), null, WriteSpec.SchemaChange.NONE));
  }
}
