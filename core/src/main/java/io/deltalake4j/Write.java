package io.deltalake4j;

import io.deltalake4j.filter.Filter;
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
 * A write to a path whether or not a table exists there, as {@code write_deltalake} does: without a
 * table, every mode creates one from {@link #schema}, {@link #partitionBy} and {@link #property};
 * with one, the {@link #mode} decides. Written by name, a table the write creates is made under its
 * database's location and registered in the lake's catalog. See {@link Append} and {@link Overwrite} for what appends
 * and overwrites guarantee.
 */
public final class Write extends WriteBuilder<Write> {

  private final KernelTable table; // null when written by name
  private final TableName name;
  private WriteMode mode = WriteMode.ERROR;
  private boolean modeSet;
  private StructType schema;
  private List<String> partitionColumns;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private Filter predicate;
  private WriteSpec.SchemaChange schemaChange = WriteSpec.SchemaChange.NONE;

  Write(DeltaLake lake, KernelTable table) {
    super(lake);
    this.table = table;
    this.name = null;
  }

  Write(DeltaLake lake, TableName name) {
    super(lake);
    this.table = null;
    this.name = name;
  }

  @Override
  Write self() {
    return this;
  }

  /** What to do when a table exists; {@link WriteMode#ERROR} unless set. */
  public Write mode(WriteMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (modeSet) {
      throw new IllegalStateException("Invalid builder call: the mode is already " + this.mode + ". Set it once.");
    }
    this.mode = mode;
    modeSet = true;
    return this;
  }

  /**
   * The schema of the rows. Required to create a table; for an existing table it must be the
   * table's, unless {@link #mergeSchema()} or {@link #overwriteSchema()} allows a change.
   */
  public Write schema(StructType schema) {
    Objects.requireNonNull(schema, "schema");
    requireUnset("schema", this.schema);
    this.schema = schema;
    return this;
  }

  /**
   * The partition columns of a table to create. For an existing table, if given, they must be its
   * partition columns (or, with {@link #overwriteSchema()}, become them).
   */
  public Write partitionBy(String... columns) {
    requireUnset("partitionBy", partitionColumns);
    this.partitionColumns = List.copyOf(Arrays.asList(columns));
    return this;
  }

  /** A property of a table to create (each key once); an existing table's properties are left as they are. */
  public Write property(String key, String value) {
    Objects.requireNonNull(key, "key");
    requireUnset("property '" + key + "'", properties.get(key));
    properties.put(key, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** With {@link WriteMode#OVERWRITE}: replace only what the predicate covers (see {@link Overwrite#where}). */
  public Write where(Filter predicate) {
    Objects.requireNonNull(predicate, "predicate");
    this.predicate = this.predicate == null ? predicate : this.predicate.and(predicate);
    return this;
  }

  /** {@link #where(Filter)} from SQL text. */
  public Write where(String sqlPredicate) {
    return where(Filter.parse(sqlPredicate));
  }

  /** With APPEND or OVERWRITE: new nullable columns in {@link #schema} are added to the table. */
  public Write mergeSchema() {
    return schemaChange(WriteSpec.SchemaChange.MERGE);
  }

  /** With OVERWRITE: the table takes {@link #schema} and {@link #partitionBy} along with the rows. */
  public Write overwriteSchema() {
    return schemaChange(WriteSpec.SchemaChange.OVERWRITE);
  }

  private Write schemaChange(WriteSpec.SchemaChange change) {
    if (schemaChange != WriteSpec.SchemaChange.NONE) {
      throw new IllegalStateException("Invalid builder call: the schema change is already " + schemaChange + ". Set it once.");
    }
    schemaChange = change;
    return this;
  }

  /**
   * Creates, appends, overwrites, or does nothing, as the mode says.
   *
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException in mode ERROR when a table exists
   */
  @Override
  public CommitResult commit() {
    String target = name != null ? name.toString() : table.location();
    if (predicate != null && mode != WriteMode.OVERWRITE) {
      throw new IllegalStateException("Invalid write to " + target + ": where(...) needs mode OVERWRITE, not " + mode + ".");
    }
    if (schemaChange == WriteSpec.SchemaChange.OVERWRITE && (mode != WriteMode.OVERWRITE || predicate != null)) {
      throw new IllegalStateException(
          "Invalid write to " + target + ": overwriteSchema() needs mode OVERWRITE and no where(...).");
    }
    if (schemaChange != WriteSpec.SchemaChange.NONE && schema == null) {
      throw new IllegalStateException("Invalid write to " + target + ": a schema change needs schema(...).");
    }
    return name == null ? write(table) : Registration.write(lake(), name, null, false, this::write);
  }

  private CommitResult write(KernelTable at) {
    return run(at, new WriteSpec.Parts(
        mode, "WRITE", schema, partitionColumns, Map.copyOf(properties), predicate, schemaChange));
  }
}
