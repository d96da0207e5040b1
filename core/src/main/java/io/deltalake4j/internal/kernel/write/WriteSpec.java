package io.deltalake4j.internal.kernel.write;

import io.deltalake4j.WriteMode;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a write builder was told, frozen at {@code commit()}.
 *
 * @param mode what to do when the table exists
 * @param operation the operation to record when the table exists ({@code WRITE}); a write that
 *     creates the table records {@code CREATE TABLE}
 * @param schema the schema of a table to create, or of the rows under a schema change; null to
 *     use the table's
 * @param partitionColumns partitioning of a table to create (or under overwriteSchema); null for
 *     none given
 * @param properties table properties of a table to create
 * @param predicate the data an overwrite replaces; null for all of it
 * @param schemaChange whether the rows may change the table's schema
 * @param transaction the idempotent transaction id, or null
 * @param userMetadata text recorded in the commit, or null
 * @param commitProperties extra fields recorded in the commit info
 * @param targetFileSize the largest data file to write, in bytes; 0 for the engine's setting
 * @param input what to write, given the schema it is written with
 */
public record WriteSpec(
    WriteMode mode,
    String operation,
    StructType schema,
    List<String> partitionColumns,
    Map<String, String> properties,
    Filter predicate,
    SchemaChange schemaChange,
    TransactionId transaction,
    String userMetadata,
    Map<String, String> commitProperties,
    long targetFileSize,
    Function<StructType, WriteInput> input) {

  /** How a write may change the table's schema. */
  public enum SchemaChange {
    /** The rows must have the table's schema. */
    NONE,
    /** New nullable columns of the rows are added to the table. */
    MERGE,
    /** An overwrite replaces the schema and partitioning with the given ones. */
    OVERWRITE
  }

  /** What a particular builder contributes: everything but the options all writes share. */
  public record Parts(
      WriteMode mode,
      String operation,
      StructType schema,
      List<String> partitionColumns,
      Map<String, String> properties,
      Filter predicate,
      SchemaChange schemaChange) {}

  /** An application's id and the version of its write, for exactly-once writes. */
  public record TransactionId(String appId, long version) {}
}
