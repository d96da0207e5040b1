package io.deltalake4j.hms.internal;

import io.trino.hive.thrift.metastore.FieldSchema;
import io.trino.hive.thrift.metastore.SerDeInfo;
import io.trino.hive.thrift.metastore.StorageDescriptor;
import io.trino.hive.thrift.metastore.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Delta tables look in a Hive Metastore. Spark registers one as an external table whose
 * parameter {@code spark.sql.sources.provider} is {@code delta}, with the real location in the
 * serde parameter {@code path} (its storage location is a placeholder); Trino writes {@code DELTA}
 * and the real location in both places. Both put a single column {@code col array<string>} and
 * the sequence-file formats in the storage descriptor. We register as Trino does, plus {@code
 * path}: both engines read that.
 */
public final class DeltaEntries {
  private DeltaEntries() {}

  static final String PROVIDER = "spark.sql.sources.provider";

  /** True if the metastore table is a Delta table, as Spark and Trino recognise one. */
  public static boolean isDelta(Table table) {
    Map<String, String> parameters = table.getParameters();
    return parameters != null && "delta".equalsIgnoreCase(parameters.get(PROVIDER));
  }

  /** The Delta table's location: the serde's {@code path}, else the storage location. */
  public static String location(Table table) {
    StorageDescriptor sd = table.getSd();
    if (sd != null && sd.getSerdeInfo() != null && sd.getSerdeInfo().getParameters() != null) {
      String path = sd.getSerdeInfo().getParameters().get("path");
      if (path != null && !path.isBlank()) {
        return path;
      }
    }
    return sd == null ? null : sd.getLocation();
  }

  /** What kind of table a non-Delta entry is, for error messages. */
  public static String describe(Table table) {
    String provider = table.getParameters() == null ? null : table.getParameters().get(PROVIDER);
    if (provider != null) {
      return "a " + provider.toLowerCase(Locale.ROOT) + " table";
    }
    String type = table.getTableType() == null ? "table" : table.getTableType().toLowerCase(Locale.ROOT).replace('_', ' ');
    return "a Hive " + type;
  }

  /** The metastore entry for the Delta table at {@code location}: external, provider {@code delta}. */
  public static Table entry(String database, String name, String location, String owner) {
    Map<String, String> serdeParameters = new HashMap<>();
    serdeParameters.put("path", location);
    serdeParameters.put("serialization.format", "1");
    SerDeInfo serde = new SerDeInfo();
    serde.setSerializationLib("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
    serde.setParameters(serdeParameters);

    StorageDescriptor sd = new StorageDescriptor();
    sd.setCols(new ArrayList<>(List.of(new FieldSchema("col", "array<string>", "from deserializer"))));
    sd.setLocation(location);
    sd.setInputFormat("org.apache.hadoop.mapred.SequenceFileInputFormat");
    sd.setOutputFormat("org.apache.hadoop.hive.ql.io.HiveSequenceFileOutputFormat");
    sd.setSerdeInfo(serde);
    sd.setParameters(new HashMap<>());
    sd.setBucketCols(new ArrayList<>());
    sd.setSortCols(new ArrayList<>());
    sd.setNumBuckets(-1);

    Map<String, String> parameters = new HashMap<>();
    parameters.put("EXTERNAL", "TRUE");
    parameters.put(PROVIDER, "delta");
    parameters.put("created.by", "deltalake4j");

    Table table = new Table();
    table.setDbName(database);
    table.setTableName(name);
    table.setOwner(owner);
    table.setTableType("EXTERNAL_TABLE");
    table.setSd(sd);
    table.setPartitionKeys(new ArrayList<>());
    table.setParameters(parameters);
    return table;
  }
}
