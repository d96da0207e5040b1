package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.Row;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code commitInfo} action of one of our commits, in Spark's layout, so that DESCRIBE HISTORY
 * in Spark and our {@code history()} show the operation, its parameters and metrics, the version
 * read, whether it was a blind append, and the user's metadata. Kernel's own commitInfo carries
 * none of these; {@link CommitInfoCommitter} swaps it for this one, keeping Kernel's timestamps and
 * transaction id.
 *
 * @param readVersion the version the write read, or null for a create
 * @param properties extra top-level fields, as {@code write_deltalake}'s custom metadata
 */
public record CommitInfo(
    String operation,
    Map<String, String> parameters,
    Map<String, String> metrics,
    Long readVersion,
    boolean blindAppend,
    String userMetadata,
    Map<String, String> properties) {

  /** The fields Spark writes; commit properties may not use these names. */
  public static final Set<String> STANDARD_FIELDS = Set.of(
      "inCommitTimestamp", "timestamp", "userId", "userName", "operation", "operationParameters", "job",
      "notebook", "clusterId", "readVersion", "isolationLevel", "isBlindAppend", "operationMetrics",
      "userMetadata", "engineInfo", "txnId", "tags");

  /** Who wrote the commit, in Spark's style ({@code Apache-Spark/4.1.3 Delta-Lake/4.4.0}). */
  static final String ENGINE_INFO = Transactions.engineInfo() + " Delta-Kernel/" + io.delta.kernel.Meta.KERNEL_VERSION;

  private static final MapType STRING_MAP = new MapType(StringType.STRING, StringType.STRING, true);

  /**
   * The action row: Kernel's timestamps, engine info and txn id (from {@code kernels}, the
   * commitInfo struct Kernel generated for this attempt) with our fields.
   */
  Row toAction(Row kernels) {
    StructType k = kernels.getSchema();
    List<String> names = new ArrayList<>();
    List<io.delta.kernel.types.DataType> types = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("inCommitTimestamp", longField(kernels, k, "inCommitTimestamp"));
    fields.put("timestamp", longField(kernels, k, "timestamp"));
    fields.put("operation", operation);
    fields.put("operationParameters", parameters);
    fields.put("readVersion", readVersion);
    fields.put("isolationLevel", "Serializable");
    fields.put("isBlindAppend", blindAppend);
    fields.put("operationMetrics", metrics);
    fields.put("userMetadata", userMetadata);
    fields.put("engineInfo", ENGINE_INFO);
    fields.put("txnId", stringField(kernels, k, "txnId"));
    properties.forEach(fields::put);
    fields.forEach((name, value) -> {
      names.add(name);
      types.add(value instanceof Long ? LongType.LONG
          : value instanceof Boolean ? BooleanType.BOOLEAN
          : value instanceof Map ? STRING_MAP
          : StringType.STRING);
      values.add(value);
    });
    StructType schema = new StructType();
    for (int i = 0; i < names.size(); i++) {
      schema = schema.add(names.get(i), types.get(i), true);
    }
    JsonRow info = new JsonRow(schema, values.toArray());
    return new JsonRow(new StructType().add("commitInfo", schema), info);
  }

  private static Long longField(Row row, StructType schema, String name) {
    int i = schema.indexOf(name);
    return i < 0 || row.isNullAt(i) ? null : row.getLong(i);
  }

  private static String stringField(Row row, StructType schema, String name) {
    int i = schema.indexOf(name);
    return i < 0 || row.isNullAt(i) ? null : row.getString(i);
  }
}
