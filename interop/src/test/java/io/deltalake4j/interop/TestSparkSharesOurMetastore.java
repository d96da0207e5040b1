package io.deltalake4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.WriteMode;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.hms.HiveCatalog;
import io.deltalake4j.hms.testing.Metastores;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.deltalake4j.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.hive.HiveExternalCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.Option;

/**
 * Spark with Hive support and deltalake4j share one real Hive Metastore 4.0.1: a table either of them
 * creates by name, the other opens by that name and reads row for row, on local disk and on HDFS.
 *
 * <p>Spark talks to HMS 4 through a Hive 4.0.1 client in its isolated class loader (its built-in
 * Hive 2.3 client calls {@code get_table}, which HMS 4 no longer serves); the jars come from the
 * {@code interop/hive4-client} build helper. A JVM holds one Spark catalog, so this class runs in a
 * surefire execution of its own ({@code spark-with-hive-metastore}).
 */
@ExtendWith({Storages.class, Metastores.class})
class TestSparkSharesOurMetastore {
  private static final String STORAGES = "io.deltalake4j.testing.Storages#both";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static Path dir;
  private static SparkSession spark;

  private HiveCatalog catalog;
  private DeltaLake lake;

  @BeforeAll
  static void startSpark() throws IOException {
    dir = Files.createTempDirectory("deltalake4j-interop-hive");
    long start = System.nanoTime();
    spark =
        SparkFixture.settings("deltalake4j-interop-hive", dir.resolve("warehouse"))
            .config("spark.sql.catalogImplementation", "hive")
            .config("spark.sql.hive.metastore.version", "4.0.1")
            .config("spark.sql.hive.metastore.jars", hive4Client())
            .config("spark.hadoop.hive.metastore.uris", Metastores.hms().uri())
            .getOrCreate();
    Timings.record("spark session with the Hive Metastore", Duration.ofNanos(System.nanoTime() - start));
  }

  @AfterAll
  static void stopSpark() throws IOException {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      TempFiles.deleteRecursively(dir);
    }
  }

  @BeforeEach
  void connect() {
    catalog = HiveCatalog.builder(Metastores.hms().uri()).connectTimeout(Duration.ofSeconds(5)).build();
    lake = DeltaLake.builder().hadoopConf(new Configuration()).catalog(catalog).build();
  }

  @AfterEach
  void disconnect() {
    lake.close();
    catalog.close();
  }

  /** The class path of the Hive 4 client, as the build helper wrote it. */
  private static String hive4Client() throws IOException {
    String file = System.getProperty("deltalake4j.hive4.classpath");
    if (file == null) {
      throw new IllegalStateException(
          "System property deltalake4j.hive4.classpath is not set: run this test through Maven (interop's"
              + " spark-with-hive-metastore execution)");
    }

    return Files.readString(Path.of(file)).strip();
  }

  private static String newDatabaseName(String who) {
    return who + "_db" + DATABASES.incrementAndGet();
  }

  private static List<Row> sales(long first, int n, long seed) {
    List<Row> rows = new ArrayList<>();
    SalesData.rows(first, n, seed).forEach(rows::add);
    return rows;
  }

  private static List<List<Object>> sparkRows(String name) {
    return SparkRows.collectSorted(spark.table(name));
  }

  private static CatalogTable sparkEntry(String db, String table) throws Exception {
    return spark.sessionState().catalog().getTableMetadata(new TableIdentifier(table, Option.apply(db)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void aManagedTableSparkCreatesByNameWeOpenByThatName(StorageUnderTest storage) throws Exception {
    String db = newDatabaseName("spark");
    spark.sql("CREATE DATABASE " + db + " LOCATION '" + storage.newTablePath(db + ".db") + "'");
    List<Row> first = sales(1, 400, 1);
    List<Row> second = sales(401, 100, 2);

    SparkTables.salesFrame(spark, first).write().format("delta").partitionBy("region").saveAsTable(db + ".sales");
    SparkTables.salesFrame(spark, second).write().format("delta").mode("append").saveAsTable(db + ".sales");

    TableName name = new TableName(db, "sales");
    assertThat(sparkEntry(db, "sales").tableType().name()).isEqualTo("MANAGED");
    assertThat(catalog.tables(db)).containsExactly(name);
    assertThat(lake.exists(db + ".sales")).isTrue();
    assertThat(lake.table(db + ".sales").version()).isEqualTo(1);
    assertThat(LibraryRows.collectSorted(lake.table(db + ".sales").scan()))
        .isEqualTo(sparkRows(db + ".sales"))
        .isEqualTo(LibraryRows.sorted(concat(first, second)));
    assertThat(lake.table(db + ".sales").detail().partitionColumns()).containsExactly("region");
    assertThat(catalog.location(name)).isEqualTo(sparkEntry(db, "sales").location().toString())
        .startsWith(storage.isHdfs() ? "hdfs://" : "file:");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void anExternalTableSparkCreatesWithSqlWeOpenByName(StorageUnderTest storage) throws Exception {
    String db = newDatabaseName("spark");
    spark.sql("CREATE DATABASE " + db + " LOCATION '" + storage.newTablePath(db + ".db") + "'");
    String path = storage.newTablePath("spark-external-" + db);

    spark.sql("CREATE TABLE " + db + ".events (id BIGINT, kind STRING) USING delta PARTITIONED BY (kind)"
        + " LOCATION '" + path + "'");
    spark.sql("INSERT INTO " + db + ".events VALUES (1, 'click'), (2, 'view'), (3, 'click')");

    assertThat(sparkEntry(db, "events").tableType().name()).isEqualTo("EXTERNAL");
    assertThat(catalog.location(new TableName(db, "events"))).isEqualTo(spelledAsHadoopDoes(path));
    assertThat(LibraryRows.collectSorted(lake.table(db + ".events").scan()))
        .isEqualTo(sparkRows(db + ".events"))
        .isEqualTo(List.of(CanonicalRows.row(1L, "click"), CanonicalRows.row(2L, "view"),
            CanonicalRows.row(3L, "click")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void aTableWeCreateByNameSparkOpensByThatNameAndAppendsTo(StorageUnderTest storage) throws Exception {
    String db = newDatabaseName("ours");
    catalog.createDatabase(db, storage.newTablePath(db + ".db"));
    List<Row> ours = sales(1, 300, 3);
    List<Row> theirs = sales(301, 50, 4);

    lake.create(db + ".orders").schema(SalesData.SCHEMA).partitionBy("region", "month").rows(ours).commit();

    assertThat(spark.catalog().databaseExists(db)).isTrue();
    assertThat(spark.sql("SHOW TABLES IN " + db).collectAsList())
        .extracting(r -> r.getString(1)).containsExactly("orders");
    CatalogTable entry = sparkEntry(db, "orders");
    assertThat(entry.provider()).isEqualTo(Option.apply("delta"));
    assertThat(entry.tableType().name()).isEqualTo("EXTERNAL");
    assertThat(sparkRows(db + ".orders"))
        .isEqualTo(LibraryRows.collectSorted(lake.table(db + ".orders").scan()))
        .isEqualTo(LibraryRows.sorted(ours));
    assertThat(spark.table(db + ".orders").schema().fieldNames())
        .containsExactly("transaction_id", "product", "quantity", "price", "region", "sale_date", "year", "month");

    SparkTables.salesFrame(spark, theirs).write().format("delta").mode("append").saveAsTable(db + ".orders");

    assertThat(lake.table(db + ".orders").version()).isEqualTo(1);
    assertThat(LibraryRows.collectSorted(lake.table(db + ".orders").scan()))
        .isEqualTo(sparkRows(db + ".orders"))
        .isEqualTo(LibraryRows.sorted(concat(ours, theirs)));

    String location = catalog.location(new TableName(db, "orders"));
    spark.sql("DROP TABLE " + db + ".orders");

    assertThat(lake.exists(db + ".orders")).as("dropped by Spark").isFalse();
    assertThat(LibraryRows.collectSorted(lake.table(location).scan()))
        .as("an external table's files outlive its entry").isEqualTo(LibraryRows.sorted(concat(ours, theirs)));
  }

  @Test
  void sparkReachesTheMetastoreThroughTheHive4Client() {
    spark.sql("SHOW DATABASES").collectAsList();

    HiveExternalCatalog hive = (HiveExternalCatalog) spark.sharedState().externalCatalog().unwrapped();
    assertThat(hive.client().version().fullVersion()).isEqualTo("4.0.1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(STORAGES)
  void aPathWeRegisterSparkSeesAndAnUnregisterLeavesItsDataToSpark(StorageUnderTest storage) throws Exception {
    String db = newDatabaseName("ours");
    catalog.createDatabase(db, storage.newTablePath(db + ".db"));
    String path = storage.newTablePath("registered-" + db);
    List<Row> rows = sales(1, 120, 5);
    lake.write(path).mode(WriteMode.ERROR).schema(SalesData.SCHEMA).rows(rows).commit();

    catalog.register(new TableName(db, "by_path"), path);

    assertThat(spark.catalog().tableExists(db, "by_path")).isTrue();
    assertThat(sparkRows(db + ".by_path")).isEqualTo(LibraryRows.sorted(rows));

    catalog.unregister(new TableName(db, "by_path"));

    assertThat(spark.catalog().tableExists(db, "by_path")).isFalse();
    assertThat(SparkRows.collectSorted(spark.read().format("delta").load(path))).isEqualTo(LibraryRows.sorted(rows));
  }

  /** {@code file:///x} as Hadoop's qualified paths spell it, {@code file:/x}; other URIs unchanged. */
  private static String spelledAsHadoopDoes(String location) {
    return location.startsWith("file:///") ? "file:/" + location.substring("file:///".length()) : location;
  }

  private static List<Row> concat(List<Row> a, List<Row> b) {
    List<Row> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
