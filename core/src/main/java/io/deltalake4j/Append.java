package io.deltalake4j;

import io.deltalake4j.internal.kernel.write.WriteSpec;
import io.deltalake4j.types.StructType;
import java.util.Map;
import java.util.Objects;

/**
 * Appends rows to a table's latest version in one commit (operation {@code WRITE}, mode Append).
 * Rows are split by partition values and written as compressed Parquet with statistics. A blind
 * append: concurrent appends by other writers never make it fail; it retries on their versions.
 */
public final class Append extends WriteBuilder<Append> {

  private final DeltaTable table;
  private StructType mergedSchema;

  Append(DeltaLake lake, DeltaTable table) {
    super(lake);
    this.table = table;
  }

  @Override
  Append self() {
    return this;
  }

  /**
   * Lets the rows add columns. {@code rowSchema} is the schema of the rows (and the maps) given:
   * the table's columns, in any order and with the same types, plus new nullable top-level columns,
   * which the commit adds to the table after its columns. Rows already in the table read the new
   * columns as null. Without this, rows must have exactly the table's schema.
   */
  public Append mergeSchema(StructType rowSchema) {
    if (mergedSchema != null) {
      throw new IllegalStateException("Invalid builder call: mergeSchema is already set. Set it once.");
    }
    mergedSchema = Objects.requireNonNull(rowSchema, "rowSchema");
    return this;
  }

  @Override
  public CommitResult commit() {
    return run(table.snapshot().table(), new WriteSpec.Parts(
        WriteMode.APPEND, "WRITE", mergedSchema, null, Map.of(), null,
        mergedSchema != null ? WriteSpec.SchemaChange.MERGE : WriteSpec.SchemaChange.NONE));
  }
}
