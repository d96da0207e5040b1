package io.deltalake4j;

import io.deltalake4j.filter.Filter;
import io.deltalake4j.internal.kernel.write.WriteSpec;
import io.deltalake4j.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces a table's data in one commit (operation {@code WRITE}, mode Overwrite): all of it, or
 * with {@link #where} only the rows a predicate covers (Spark's replaceWhere).
 *
 * <p>Isolation: serializable for the data replaced. If another writer commits in between and adds
 * files that may hold rows the predicate covers, or removes files this overwrite read, the commit
 * fails with {@link io.deltalake4j.exceptions.CommitConflictException} rather than lose or keep
 * those rows silently. Commits elsewhere in the table (other partitions, files outside the
 * predicate's statistics range) are merged automatically.
 */
public final class Overwrite extends WriteBuilder<Overwrite> {

  private final DeltaTable table;
  private Filter predicate;
  private StructType newSchema;
  private List<String> newPartitioning;
  private StructType mergedSchema;

  Overwrite(DeltaLake lake, DeltaTable table) {
    super(lake);
    this.table = table;
  }

  @Override
  Overwrite self() {
    return this;
  }

  /**
   * Replaces only the data this predicate covers; every row written must satisfy it, or the write
   * fails with {@link io.deltalake4j.exceptions.ConstraintViolationException} and commits
   * nothing. A predicate on partition columns only removes whole files; one on data columns
   * rewrites the files that hold matching rows, keeping their other rows (copy-on-write). A second
   * call ANDs onto the first.
   */
  public Overwrite where(Filter predicate) {
    Objects.requireNonNull(predicate, "predicate");
    this.predicate = this.predicate == null ? predicate : this.predicate.and(predicate);
    return this;
  }

  /** {@link #where(Filter)} from SQL text (see {@link Filter#parse}). */
  public Overwrite where(String sqlPredicate) {
    return where(Filter.parse(sqlPredicate));
  }

  /** As {@link Append#mergeSchema}: the rows may add new nullable columns to the table. */
  public Overwrite mergeSchema(StructType rowSchema) {
    if (mergedSchema != null || newSchema != null) {
      throw new IllegalStateException("Invalid builder call: the schema change is already set. Set it once.");
    }
    mergedSchema = Objects.requireNonNull(rowSchema, "rowSchema");
    return this;
  }

  /**
   * Replaces the table's schema and partitioning too: the table keeps its id, properties and
   * history; its data becomes the rows, which have {@code schema}. Not with {@link #where}.
   */
  public Overwrite overwriteSchema(StructType schema, String... partitionBy) {
    if (mergedSchema != null || newSchema != null) {
      throw new IllegalStateException("Invalid builder call: the schema change is already set. Set it once.");
    }
    newSchema = Objects.requireNonNull(schema, "schema");
    newPartitioning = List.copyOf(Arrays.asList(partitionBy));
    return this;
  }

  @Override
  public CommitResult commit() {
    if (newSchema != null && predicate != null) {
      throw new IllegalStateException(
          "Invalid overwrite of " + table.location() + ": overwriteSchema replaces all data and cannot be combined with where(...).");
    }
    WriteSpec.SchemaChange change = newSchema != null ? WriteSpec.SchemaChange.OVERWRITE
        : mergedSchema != null ? WriteSpec.SchemaChange.MERGE : WriteSpec.SchemaChange.NONE;
    return run(table.snapshot().table(), new WriteSpec.Parts(
        WriteMode.OVERWRITE, "WRITE", newSchema != null ? newSchema : mergedSchema, newPartitioning, Map.of(),
        predicate, change));
  }
}
