package io.deltalake4j.hms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.hms.internal.DeltaEntries;
import io.deltalake4j.hms.internal.MetastoreClient;
import io.deltalake4j.hms.testing.Metastores;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.trino.hive.thrift.metastore.GetTableRequest;
import io.trino.hive.thrift.metastore.Table;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables by name through a real Hive Metastore, with the warehouse on local disk and on HDFS. */
@ExtendWith({Storages.class, Metastores.class})
class TestHiveCatalog {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private HiveCatalog hms;
  private DeltaLake lake;

  @BeforeEach
  void connect() {
    hms = HiveCatalog.builder(Metastores.hms().uri()).connectTimeout(Duration.ofSeconds(5)).build();
    lake = DeltaLake.builder().hadoopConf(new org.apache.hadoop.conf.Configuration()).catalog(hms).build();
  }

  @AfterEach
  void close() {
    lake.close();
    hms.close();
  }

  /** A new database whose tables live under the storage's root. */
  private String database(StorageUnderTest storage) {
    String db = "db" + DATABASES.incrementAndGet();
    hms.createDatabase(db, storage.newTablePath(db + ".db"));
    return db;
  }

  private static List<Row> rows(int n) {
    List<Row> out = new ArrayList<>();
    SalesData.rows(n).forEach(out::add);
    return out;
  }

  private Table entry(String db, String table) throws Exception {
    try (MetastoreClient raw = client()) {
      return raw.call("get", c -> c.getTableReq(new GetTableRequest(db, table)).getTable());
    }
  }

  private static MetastoreClient client() {
    return new MetastoreClient(MetastoreClient.parseAddresses(Metastores.hms().uri()),
        Duration.ofSeconds(5), Duration.ofSeconds(30), 1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aTableCreatedByNameLivesUnderItsDatabaseAndIsRegisteredAsSparkAndTrinoExpect(StorageUnderTest storage)
      throws Exception {
    String db = database(storage);
    List<Row> rows = rows(50);

    lake.create(db + ".sales").schema(SalesData.SCHEMA).partitionBy("region").rows(rows).commit();

    assertThat(lake.table(db + ".sales").scan().toList()).containsExactlyInAnyOrderElementsOf(rows);
    assertThat(lake.exists(db + ".sales")).isTrue();
    assertThat(hms.tables(db)).containsExactly(new TableName(db, "sales"));
    String location = hms.location(new TableName(db, "sales"));
    assertThat(location).startsWith(storage.isHdfs() ? "hdfs://" : "file:").contains("/" + db + ".db")
        .isEqualTo(hms.defaultLocation(new TableName(db, "sales")));
    Table entry = entry(db, "sales");
    assertThat(entry.getTableType()).isEqualTo("EXTERNAL_TABLE");
    assertThat(entry.getParameters()).containsEntry("spark.sql.sources.provider", "delta").containsEntry("EXTERNAL", "TRUE");
    assertThat(entry.getSd().getSerdeInfo().getParameters()).containsEntry("path", location);
    assertThat(entry.getSd().getLocation()).isEqualTo(location);
    assertThat(entry.getSd().getCols()).singleElement()
        .satisfies(c -> assertThat(c.getName() + " " + c.getType()).isEqualTo("col array<string>"));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aWriteByNameCreatesAndRegistersTheTableThenWritesToIt(StorageUnderTest storage) {
    String db = database(storage);
    List<Row> rows = rows(30);

    lake.write(db + ".events").mode(io.deltalake4j.WriteMode.APPEND).schema(SalesData.SCHEMA)
        .rows(rows.subList(0, 10)).commit();
    lake.write(db + ".events").mode(io.deltalake4j.WriteMode.APPEND).rows(rows.subList(10, 30)).commit();

    assertThat(hms.tables(db)).containsExactly(new TableName(db, "events"));
    assertThat(lake.table(db + ".events").version()).isEqualTo(1);
    assertThat(lake.table(db + ".events").scan().toList()).containsExactlyInAnyOrderElementsOf(rows);
    assertThatThrownBy(() -> lake.write(db + ".events").schema(SalesData.SCHEMA).rows(rows).commit())
        .as("mode ERROR on a registered table")
        .isInstanceOf(TableAlreadyExistsException.class);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anExistingTableIsRegisteredAndUnregisteredWithoutTouchingItsFiles(StorageUnderTest storage) {
    String db = database(storage);
    String path = storage.newTablePath("elsewhere");
    lake.create(path).schema(SalesData.SCHEMA).rows(rows(20)).commit();

    lake.register(db + ".orders", path);
    assertThat(lake.table(db + ".orders").scan().count()).isEqualTo(20);

    lake.unregister(db + ".orders");
    assertThat(lake.exists(db + ".orders")).isFalse();
    assertThat(hms.tables(db)).isEmpty();
    assertThat(lake.table(path).scan().count()).as("the files stay").isEqualTo(20);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void purgeDropsTheNameAndDeletesTheFilesOnlyWhenAskedTo(StorageUnderTest storage) {
    String db = database(storage);
    lake.create(db + ".scratch").schema(SalesData.SCHEMA).rows(rows(10)).commit();
    String location = hms.location(new TableName(db, "scratch"));

    lake.purge(db + ".scratch");

    assertThat(hms.tables(db)).isEmpty();
    assertThat(lake.exists(location)).isFalse();
    assertThatThrownBy(() -> lake.table(location)).isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("the path does not exist");
    assertThatThrownBy(() -> lake.purge(db + ".scratch")).isInstanceOf(TableNotFoundException.class);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void entriesAsSparkAndTrinoWriteThemResolveToTheirTables(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    String sparkPath = storage.newTablePath("by-spark");
    String trinoPath = storage.newTablePath("by-trino");
    lake.create(sparkPath).schema(SalesData.SCHEMA).rows(rows(3)).commit();
    lake.create(trinoPath).schema(SalesData.SCHEMA).rows(rows(4)).commit();
    String dbLocation = hms.defaultLocation(new TableName(db, "x")).replaceAll("/x$", "");
    // Spark: a placeholder storage location, the real one in the serde's path.
    Table spark = DeltaEntries.entry(db, "by_spark", dbLocation + "/by_spark-__PLACEHOLDER__", "spark");
    spark.getSd().getSerdeInfo().getParameters().put("path", sparkPath);
    spark.getParameters().put("spark.sql.sources.schema", "{\"type\":\"struct\",\"fields\":[]}");
    // Trino: provider in capitals, the real location in both places.
    Table trino = DeltaEntries.entry(db, "by_trino", trinoPath, "trino");
    trino.getParameters().put("spark.sql.sources.provider", "DELTA");
    trino.getParameters().put("location", trinoPath);
    try (MetastoreClient raw = client()) {
      for (Table t : List.of(spark, trino)) {
        raw.call("create", c -> {
          c.createTable(t);
          return null;
        });
      }
    }

    assertThat(lake.table(db + ".by_spark").scan().count()).isEqualTo(3);
    assertThat(lake.table(db + ".by_trino").scan().count()).isEqualTo(4);
    assertThat(hms.tables(db)).extracting(TableName::table).containsExactly("by_spark", "by_trino");
  }

  @Test
  void tablesOfOtherFormatsAreLeftOutAndRefusedByName() throws Exception {
    String db = database(Storages.local());
    Table hive = DeltaEntries.entry(db, "plain", hms.defaultLocation(new TableName(db, "plain")), "hive");
    hive.getParameters().remove("spark.sql.sources.provider");
    hive.getSd().getSerdeInfo().getParameters().remove("path");
    Table parquet = DeltaEntries.entry(db, "pq", hms.defaultLocation(new TableName(db, "pq")), "spark");
    parquet.getParameters().put("spark.sql.sources.provider", "parquet");
    try (MetastoreClient raw = client()) {
      for (Table t : List.of(hive, parquet)) {
        raw.call("create", c -> {
          c.createTable(t);
          return null;
        });
      }
    }

    assertThat(hms.tables(db)).isEmpty();
    assertThat(lake.exists(db + ".plain")).isFalse();
    assertThatThrownBy(() -> lake.table(db + ".plain"))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("a Hive external table, not a Delta table");
    assertThatThrownBy(() -> lake.table(db + ".pq"))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("a parquet table, not a Delta table");
    assertThatThrownBy(() -> lake.unregister(db + ".pq")).isInstanceOf(TableNotFoundException.class);
  }

  @Test
  void missingNamesAndTakenNamesFailClearlyAndLeaveNothingBehind() {
    String db = database(Storages.local());
    assertThatThrownBy(() -> lake.table(db + ".nope"))
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("has no table " + db + ".nope");
    assertThatThrownBy(() -> lake.create("no_such_db.t").schema(SalesData.SCHEMA).commit())
        .isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("has no database no_such_db");
    assertThatThrownBy(() -> hms.tables("no_such_db")).isInstanceOf(TableNotFoundException.class);

    lake.create(db + ".t").schema(SalesData.SCHEMA).commit();
    String other = Storages.local().newTablePath("other");
    assertThatThrownBy(() -> lake.create(db + ".t").schema(SalesData.SCHEMA).location(other).commit())
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining("Cannot create table " + db + ".t");
    assertThat(lake.exists(other)).as("nothing written for the refused create").isFalse();
    lake.create(other).schema(SalesData.SCHEMA).commit();
    assertThatThrownBy(() -> lake.register(db + ".t", other))
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining("Cannot register table " + db + ".t");
    assertThatThrownBy(() -> lake.register(db + ".u", Storages.local().newTablePath("missing")))
        .isInstanceOf(TableNotFoundException.class);
    assertThat(hms.tables(db)).extracting(TableName::table).containsExactly("t");
  }

  @Test
  void namesNeedACatalogAndPathsStillWork() {
    String path = Storages.local().newTablePath("plain.path");
    try (DeltaLake paths = DeltaLake.local()) {
      paths.create(path).schema(SalesData.SCHEMA).commit();
      assertThatThrownBy(() -> paths.register("default.x", path))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has no catalog");
    }
    assertThat(lake.table(path).version()).isZero();
  }

  @Test
  void anUnreachableMetastoreFailsWithinTheTimeoutNamingEveryAddress() throws Exception {
    int dead1;
    int dead2;
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead1 = a.getLocalPort();
      dead2 = b.getLocalPort();
    }
    String uris = "thrift://127.0.0.1:" + dead1 + ",thrift://127.0.0.1:" + dead2;
    try (HiveCatalog down = HiveCatalog.builder(uris).connectTimeout(Duration.ofSeconds(1)).build();
        DeltaLake lakeDown = DeltaLake.builder().catalog(down).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> lakeDown.table("default.sales"))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("no Hive Metastore answered")
          .hasMessageContaining(":" + dead1)
          .hasMessageContaining(":" + dead2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aMetastoreThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accepted, never answered
          }
        } catch (Exception closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (HiveCatalog mute = HiveCatalog.builder("thrift://127.0.0.1:" + silent.getLocalPort())
          .readTimeout(Duration.ofMillis(500)).attempts(2).build()) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> mute.databases())
            .isInstanceOf(CatalogException.class)
            .hasMessageContaining("did not answer within 500 ms")
            .hasMessageContaining("not retried");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .as("one attempt of 500 ms: a read timeout is not retried").isBetween(Duration.ofMillis(500), Duration.ofSeconds(3));
      } finally {
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }

  @Test
  void everyAddressIsTriedInTurnUntilOneAnswers() throws Exception {
    List<String> dead = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        dead.add("thrift://127.0.0.1:" + s.getLocalPort());
      }
    }
    String uris = String.join(",", dead) + "," + Metastores.hms().uri();
    try (HiveCatalog failover = HiveCatalog.builder(uris).attempts(1).build()) {
      assertThat(failover.databases()).as("the fourth address, though attempts is 1").contains("default");
    }
  }

  /** Run by the PostgreSQL execution of these tests: the entries are rows of the official schema's tables. */
  @Test
  void onPostgresTheEntriesAreRowsOfTheOfficialSchema() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("postgres".equals(Metastores.hms().backend()), "the metastore runs on Derby");
    String db = database(Storages.local());
    lake.create(db + ".in_pg").schema(SalesData.SCHEMA).commit();

    try (java.sql.Connection c = java.sql.DriverManager.getConnection(Metastores.hms().postgresUrl(), "hms", "");
        java.sql.PreparedStatement q = c.prepareStatement(
            "select t.\"TBL_TYPE\", p.\"PARAM_VALUE\" from \"TBLS\" t join \"DBS\" d on t.\"DB_ID\" = d.\"DB_ID\" "
                + "join \"TABLE_PARAMS\" p on p.\"TBL_ID\" = t.\"TBL_ID\" "
                + "where d.\"NAME\" = ? and t.\"TBL_NAME\" = ? and p.\"PARAM_KEY\" = 'spark.sql.sources.provider'")) {
      q.setString(1, db);
      q.setString(2, "in_pg");
      try (java.sql.ResultSet r = q.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("EXTERNAL_TABLE");
        assertThat(r.getString(2)).isEqualTo("delta");
      }
    }
  }

  @Test
  void badAddressesAreRefusedUpFrontAndUsualHostNamesAccepted() {
    for (String bad : List.of("localhost:9083", "thrift://metastore", "thrift://metastore:0", "http://metastore:9083")) {
      assertThatThrownBy(() -> HiveCatalog.connect(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("thrift://");
    }
    for (String good : List.of("thrift://hive_metastore:9083", "thrift://hms-1.example.org:9083/", "thrift://[::1]:9083")) {
      HiveCatalog.connect(good).close();
    }
  }

  @Test
  void aNameHeldByAnotherFormatOrALocationHoldingAnUnregisteredTableIsRefusedBeforeWriting() throws Exception {
    String db = database(Storages.local());
    Table hive = DeltaEntries.entry(db, "legacy", hms.defaultLocation(new TableName(db, "legacy")), "hive");
    hive.getParameters().remove("spark.sql.sources.provider");
    try (MetastoreClient raw = client()) {
      raw.call("create", c -> {
        c.createTable(hive);
        return null;
      });
    }
    String unregistered = hms.defaultLocation(new TableName(db, "orphan"));
    lake.create(unregistered).schema(SalesData.SCHEMA).rows(rows(3)).commit();

    assertThatThrownBy(() -> lake.write(db + ".legacy").mode(io.deltalake4j.WriteMode.APPEND).schema(SalesData.SCHEMA)
        .rows(rows(5)).commit())
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining("not a Delta table");
    assertThat(lake.exists(hms.defaultLocation(new TableName(db, "legacy")))).as("nothing written").isFalse();
    assertThatThrownBy(() -> lake.create(db + ".orphan").schema(SalesData.SCHEMA).commit())
        .isInstanceOf(TableAlreadyExistsException.class)
        .hasMessageContaining("not registered under that name");
    assertThat(lake.table(unregistered).version()).isZero();
  }
}
