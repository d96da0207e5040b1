package io.deltalake4j.examples.support;

import io.deltalake4j.CommitResult;
import io.deltalake4j.CreateTable;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.WriteMode;
import io.deltalake4j.hms.HiveCatalog;
import io.deltalake4j.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * Where an example keeps its tables: a warehouse directory, local ({@value #WAREHOUSE} unless
 * {@code --warehouse} says otherwise) or an {@code hdfs://} URI; with {@code --metastore}, the tables
 * are also registered by name in {@code --database} ({@code default} unless given), at their
 * locations under the warehouse, so Spark and Trino find them by the same names.
 *
 * <p>Closing closes the lake and the metastore client.
 */
public final class Lakehouse implements AutoCloseable {
  public static final String WAREHOUSE = "examples-warehouse";

  private final String warehouse;
  private final String database;
  private final HiveCatalog catalog; // null without a metastore
  private final DeltaLake lake;

  private Lakehouse(String warehouse, String database, HiveCatalog catalog) {
    this.warehouse = warehouse.replaceAll("/+$", "");
    this.database = database;
    this.catalog = catalog;
    DeltaLake.Builder builder = DeltaLake.builder();
    this.lake = catalog == null ? builder.build() : builder.catalog(catalog).build();
  }

  /** From the flags {@code --warehouse}, {@code --metastore} and {@code --database}. */
  public static Lakehouse open(Flags flags) {
    String metastore = flags.get("metastore");
    if (metastore == null) {
      return new Lakehouse(flags.get("warehouse", WAREHOUSE), null, null);
    }
    HiveCatalog catalog = HiveCatalog.connect(metastore);
    try {
      String warehouse = flags.get("warehouse", WAREHOUSE);
      String database = flags.get("database", "default");
      if (!catalog.databases().contains(database)) {
        catalog.createDatabase(database, warehouse.replaceAll("/+$", "") + "/" + database + ".db");
      }
      return new Lakehouse(warehouse, database, catalog);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  public DeltaLake lake() {
    return lake;
  }

  /** What to open the table by: {@code database.table} with a metastore, else its location. */
  public String table(String name) {
    return catalog == null ? location(name) : database + "." + name;
  }

  /** The table's directory: {@code WAREHOUSE/name}. */
  public String location(String name) {
    return warehouse + "/" + name;
  }

  /**
   * Creates the table with these rows, or, if it exists, replaces its rows, schema and partitioning
   * in a new version (the old versions stay readable): every run of an example starts from the same
   * data.
   */
  public CommitResult replace(String name, StructType schema, List<String> partitionBy, Iterable<? extends Row> rows) {
    return replace(name, schema, partitionBy, rows, Map.of());
  }

  /**
   * As {@link #replace(String, StructType, List, Iterable)}, creating the table with these properties;
   * an existing table keeps its own.
   */
  public CommitResult replace(String name, StructType schema, List<String> partitionBy, Iterable<? extends Row> rows,
      Map<String, String> properties) {
    String id = table(name);
    String[] partitions = partitionBy.toArray(String[]::new);
    if (catalog != null && !lake.exists(id) && lake.exists(location(name))) {
      lake.register(id, location(name)); // left by a run without the metastore
    }
    if (lake.exists(id)) {
      return lake.write(id).mode(WriteMode.OVERWRITE).overwriteSchema().schema(schema).partitionBy(partitions)
          .rows(rows).commit();
    }
    CreateTable create = lake.create(id).schema(schema).partitionBy(partitions).properties(properties);
    if (catalog != null) {
      create.location(location(name));
    }
    return create.rows(rows).commit();
  }

  @Override
  public void close() {
    try {
      lake.close();
    } finally {
      if (catalog != null) {
        catalog.close();
      }
    }
  }
}
