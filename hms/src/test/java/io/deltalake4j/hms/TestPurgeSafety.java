package io.deltalake4j.hms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.PurgeRefusedException;
import io.deltalake4j.hms.internal.DeltaEntries;
import io.deltalake4j.hms.internal.MetastoreClient;
import io.deltalake4j.hms.testing.Metastores;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import io.trino.hive.thrift.metastore.Table;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Purge deletes a table's own directory only: a metastore entry that names a database's
 * directory, the warehouse, a parent of other tables, a file system root or a directory without a
 * Delta log is refused, with nothing deleted and the name kept. On local disk and on HDFS.
 */
@ExtendWith({Storages.class, Metastores.class})
class TestPurgeSafety {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private HiveCatalog hms;
  private DeltaLake lake;

  @BeforeEach
  void connect() {
    hms = HiveCatalog.builder(Metastores.hms().uri()).connectTimeout(Duration.ofSeconds(5)).build();
    lake = DeltaLake.builder().hadoopConf(new Configuration()).catalog(hms).build();
  }

  @AfterEach
  void close() {
    lake.close();
    hms.close();
  }

  /** A new database at {@code location}, or under the storage's root. */
  private String database(StorageUnderTest storage) {
    String db = "purge" + DATABASES.incrementAndGet();
    hms.createDatabase(db, storage.newTablePath(db + ".db"));
    return db;
  }

  private String databaseLocation(String db) {
    return hms.defaultLocation(new TableName(db, "x")).replaceAll("/x$", "");
  }

  /** A Delta entry written straight to the metastore, as another engine could, at any location. */
  private static void entry(String db, String name, String location) throws Exception {
    entry(DeltaEntries.entry(db, name, location, "someone"));
  }

  private static void entry(Table t) throws Exception {
    try (MetastoreClient raw = new MetastoreClient(MetastoreClient.parseAddresses(Metastores.hms().uri()),
        Duration.ofSeconds(5), Duration.ofSeconds(30), 1)) {
      raw.call("create", c -> {
        c.createTable(t);
        return null;
      });
    }
  }

  private void table(String path, int rows) {
    lake.create(path).schema(SalesData.SCHEMA).rows(SalesData.rows(rows)).commit();
  }

  private static FileSystem fs(String uri) throws IOException {
    return new Path(uri).getFileSystem(new Configuration());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void refusesTheDatabaseLocationAndKeepsEveryTableInIt(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    table(db + ".a", 3);
    table(db + ".b", 4);
    String dbLocation = databaseLocation(db);
    entry(db, "everything", dbLocation);

    assertThatThrownBy(() -> lake.purge(db + ".everything"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessage("Cannot purge table " + db + ".everything: its location " + dbLocation + " is the location of "
            + "database " + db + ", so deleting it could destroy other data. Nothing was deleted and the name stays "
            + "registered; check the catalog entry's location, or unregister the name and delete the table's files "
            + "yourself.")
        .extracting(e -> ((PurgeRefusedException) e).location()).isEqualTo(dbLocation);
    assertThat(lake.table(db + ".a").scan().count()).isEqualTo(3);
    assertThat(lake.table(db + ".b").scan().count()).isEqualTo(4);
    assertThat(hms.isTaken(new TableName(db, "everything"))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void refusesAParentOfTheDatabaseLocation(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    table(db + ".a", 2);
    String parent = databaseLocation(db).replaceAll("/[^/]+$", "");
    entry(db, "parent", parent);

    assertThatThrownBy(() -> lake.purge(db + ".parent"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".parent: its location " + parent
            + " is a parent of the location of database " + db + " (" + databaseLocation(db) + ")")
        .hasMessageContaining("Nothing was deleted");
    assertThat(lake.table(db + ".a").scan().count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void refusesATableWithAnotherTableAnywhereBelowIt(StorageUnderTest storage) {
    String db = database(storage);
    String outer = storage.newTablePath("outer");
    String inner = outer + "/region=x/deeper/inner";
    table(outer, 5);
    table(inner, 6);
    lake.register(db + ".outer", outer);

    assertThatThrownBy(() -> lake.purge(db + ".outer"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".outer: its location ")
        .hasMessageContaining(" holds another Delta table below it, at ")
        .hasMessageContaining("/region=x/deeper/inner, so deleting it could destroy other data. Nothing was deleted");
    assertThat(lake.table(outer).scan().count()).isEqualTo(5);
    assertThat(lake.table(inner).scan().count()).isEqualTo(6);
    assertThat(lake.exists(db + ".outer")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void refusesADirectoryWithoutACommitOrWithoutALog(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    String emptyLog = storage.newTablePath("empty-log");
    String noLog = storage.newTablePath("no-log");
    FileSystem fs = fs(emptyLog);
    fs.mkdirs(new Path(emptyLog + "/_delta_log"));
    fs.create(new Path(emptyLog + "/keep.txt")).close();
    fs.create(new Path(noLog + "/keep.txt")).close();
    entry(db, "empty_log", emptyLog);
    entry(db, "no_log", noLog);

    assertThatThrownBy(() -> lake.purge(db + ".empty_log"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".empty_log: its location " + emptyLog
            + " holds no readable Delta table (its _delta_log lists no commit or checkpoint), so deleting it");
    assertThatThrownBy(() -> lake.purge(db + ".no_log"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".no_log: its location " + noLog
            + " holds no Delta table (it has no _delta_log directory), so deleting it");
    assertThat(fs.exists(new Path(emptyLog + "/keep.txt"))).isTrue();
    assertThat(fs.exists(new Path(noLog + "/keep.txt"))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void refusesAFileSystemRoot(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    URI root = URI.create(storage.root());
    String rootLocation = root.getScheme() + "://" + (root.getAuthority() == null ? "" : root.getAuthority()) + "/";
    // The metastore refuses a root storage location; Spark's entries keep theirs in the serde's path.
    Table spark = DeltaEntries.entry(db, "root", databaseLocation(db) + "/root-__PLACEHOLDER__", "spark");
    spark.getSd().getSerdeInfo().getParameters().put("path", rootLocation);
    entry(spark);

    assertThatThrownBy(() -> lake.purge(db + ".root"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".root: its location ")
        .hasMessageContaining(" is the root of its file system, so deleting it could destroy other data.");
    assertThat(hms.isTaken(new TableName(db, "root"))).isTrue();
  }

  @Test
  void refusesTheWarehouse() throws Exception {
    String db = database(Storages.local());
    String warehouse = Metastores.hms().warehouse();
    entry(db, "warehouse", warehouse);

    assertThatThrownBy(() -> lake.purge(db + ".warehouse"))
        .isInstanceOf(PurgeRefusedException.class)
        .hasMessageStartingWith("Cannot purge table " + db + ".warehouse: its location ")
        .hasMessageContaining(" is the metastore's warehouse (metastore.warehouse.dir), so deleting it");
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void purgesATableInItsOwnDirectory(StorageUnderTest storage) throws Exception {
    String db = database(storage);
    table(db + ".scratch", 10);
    String location = hms.location(new TableName(db, "scratch"));

    lake.purge(db + ".scratch");

    assertThat(hms.isTaken(new TableName(db, "scratch"))).isFalse();
    assertThat(fs(location).exists(new Path(location))).isFalse();
    assertThat(fs(location).exists(new Path(databaseLocation(db)))).as("the database's directory stays").isTrue();
  }
}
