package io.deltalake4j;

import io.deltalake4j.catalog.TableName;
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
 * commit (version 0, operation {@code CREATE TABLE}). Fails if a table exists there. A table
 * created by name is registered in the lake's catalog after its commit.
 */
public final class CreateTable extends WriteBuilder<CreateTable> {

  private final KernelTable table; // null when created by name
  private final TableName name;
  private String location;
  private StructType schema;
  private List<String> partitionColumns;
  private final Map<String, String> properties = new LinkedHashMap<>();

  CreateTable(DeltaLake lake, KernelTable table) {
    super(lake);
    this.table = table;
    this.name = null;
  }

  CreateTable(DeltaLake lake, TableName name) {
    super(lake);
    this.table = null;
    this.name = name;
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

  /**
   * Where a table created by name is made (a path or URI), instead of under its database's
   * location; registered as an external table either way.
   *
   * @throws IllegalStateException if the table is created at a path
   */
  public CreateTable location(String pathOrUri) {
    Objects.requireNonNull(pathOrUri, "pathOrUri");
    if (name == null) {
      throw new IllegalStateException("Invalid builder call: location(...) is for tables created by name; this one "
          + "is created at " + table.location() + ".");
    }
    requireUnset("location", location);
    location = pathOrUri;
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
   * Creates the table, and registers it if it is created by name.
   *
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException if a table is already there, or
   *     the name is taken
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if the schema, partitioning or a row
   *     is invalid; nothing is committed
   * @throws io.deltalake4j.exceptions.CatalogException if the catalog cannot be reached; a table
   *     created but not registered is removed again, unless its directory held files before
   */
  @Override
  public CommitResult commit() {
    if (name == null) {
      return create(table);
    }
    return Registration.write(lake(), name, location, true, this::create);
  }

  private CommitResult create(KernelTable at) {
    if (schema == null) {
      throw new IllegalStateException("Cannot create table at " + at.location() + ": no schema. Call schema(...) first.");
    }
    return run(at, new WriteSpec.Parts(
        WriteMode.ERROR, "CREATE TABLE", schema, partitionColumns == null ? List.of() : partitionColumns,
        Map.copyOf(properties), null, WriteSpec.SchemaChange.NONE));
  }
}
