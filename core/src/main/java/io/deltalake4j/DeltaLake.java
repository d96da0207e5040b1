package io.deltalake4j;

import io.deltalake4j.internal.Version;
import io.deltalake4j.internal.kernel.KernelEngine;
import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.internal.kernel.KernelTable;
import io.deltalake4j.internal.kernel.ParquetFiles;
import io.deltalake4j.internal.storage.StorageTimeouts;
import io.deltalake4j.internal.storage.TablePurge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * The entry point: opens and creates Delta tables on HDFS, local disk or any Hadoop file system.
 *
 * <pre>{@code
 * try (DeltaLake lake = DeltaLake.local()) {
 *   DeltaTable sales = lake.table("/data/sales");
 *   long n = sales.scan().where("region = 'us-east' AND price >= 100").count();
 * }
 * }</pre>
 *
 * <p>Thread-safe. The caller closes it; tables and scans opened from it must not be used after.
 * Hadoop caches FileSystem instances per process; closing does not close them, so other users of
 * the same file systems in the process are unaffected.
 */
public final class DeltaLake implements AutoCloseable {

  private final KernelEngine engine;
  private final Catalog catalog; // null: paths only
  private volatile boolean closed;

  private DeltaLake(KernelEngine engine, Catalog catalog) {
    this.engine = engine;
    this.catalog = catalog;
  }

  /** A lake on the local file system, ignoring any Hadoop configuration in the environment. */
  public static DeltaLake local() {
    return builder().hadoopConf(new Configuration()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This library's version, e.g. {@code 0.1.0}; commits it writes carry it in their engine info. */
  public static String libraryVersion() {
    return Version.VERSION;
  }

  /**
   * Opens the table at its latest version.
   *
   * @param pathOrName a local path ({@code /data/sales}, {@code data/sales}), a URI ({@code
   *     file:///data/sales}, {@code hdfs://namenode:8020/lakehouse/sales}), or, in a lake with a
   *     {@link Builder#catalog catalog}, a name {@code database.table} (write {@code ./a.b} for a
   *     relative path of that form)
   * @throws io.deltalake4j.exceptions.TableNotFoundException if the path does not exist or holds
   *     no Delta table, or no Delta table has the name
   * @throws io.deltalake4j.exceptions.CatalogException if the catalog cannot be reached
   */
  public DeltaTable table(String pathOrName) {
    checkOpen();
    Objects.requireNonNull(pathOrName, "pathOrName");
    return new DeltaTable(this, KernelTable.open(engine, resolve(pathOrName)).latest());
  }

  /** True if a Delta table exists at the path, or is registered under the name and exists. */
  public boolean exists(String pathOrName) {
    checkOpen();
    TableName name = name(pathOrName);
    if (name == null) {
      return KernelTable.at(engine, pathOrName).exists();
    }
    return catalog.exists(name) && KernelTable.at(engine, catalog.location(name)).exists();
  }

  /**
   * Starts creating a table at the path, or under the name (at its database's location unless
   * {@link CreateTable#location} says otherwise, then registered in the catalog); nothing is
   * written until {@link CreateTable#commit()}.
   */
  public CreateTable create(String pathOrName) {
    checkOpen();
    Objects.requireNonNull(pathOrName, "pathOrName");
    TableName name = name(pathOrName);
    return name == null ? new CreateTable(this, KernelTable.at(engine, pathOrName)) : new CreateTable(this, name);
  }

  /**
   * Registers the Delta table at the path under a name in the catalog, where Spark, Trino and
   * other lakes find it too.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if no Delta table is at the path, or
   *     the database does not exist
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException if the name is taken
   */
  public void register(String name, String pathOrUri) {
    checkOpen();
    TableName parsed = TableName.parse(name);
    requireCatalog("register " + parsed);
    catalog.register(parsed, KernelTable.open(engine, pathOrUri).location());
  }

  /**
   * Removes the name from the catalog; the table and its files stay where they are.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if no Delta table has the name
   */
  public void unregister(String name) {
    checkOpen();
    TableName parsed = TableName.parse(name);
    requireCatalog("unregister " + parsed);
    catalog.unregister(parsed);
  }

  /**
   * Drops the table of that name and deletes its files: the name is removed from the catalog
   * first, then the table's directory and everything in it. Use {@link #unregister} to keep the
   * files. Not undoable; readers of the table fail from then on.
   *
   * <p>Before anything changes, the location is checked to be one table's own directory: a Delta
   * table must be exactly there (its {@code _delta_log} lists a commit or checkpoint), no other
   * {@code _delta_log} may lie anywhere below it, and it must not be a file system root, nor the
   * location of the table's database or of the catalog's warehouse, nor a parent of those. The
   * check lists every directory below the location once.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if no Delta table has the name
   * @throws io.deltalake4j.exceptions.PurgeRefusedException if the location fails the check;
   *     nothing is deleted and the name stays
   * @throws io.deltalake4j.exceptions.DeltaIOException if the files cannot be deleted; the name is
   *     gone by then, and the message names the directory left behind
   */
  public void purge(String name) {
    checkOpen();
    TableName parsed = TableName.parse(name);
    requireCatalog("purge " + parsed);
    TablePurge.run(engine.conf(), parsed.toString(), catalog.location(parsed), catalog.sharedLocations(parsed),
        () -> catalog.unregister(parsed));
  }

  /**
   * The catalog names resolve through, for listing databases and tables.
   *
   * @throws IllegalStateException if the lake was built without one
   */
  public Catalog catalog() {
    requireCatalog("list tables");
    return catalog;
  }

  /** The location a path or a table name stands for. */
  String resolve(String pathOrName) {
    TableName name = name(pathOrName);
    return name == null ? pathOrName : catalog.location(name);
  }

  /** The table name the text stands for in this lake, or null for a path. */
  private TableName name(String pathOrName) {
    return catalog != null && TableName.isName(pathOrName) ? TableName.parse(pathOrName) : null;
  }

  private void requireCatalog(String what) {
    if (catalog == null) {
      throw new IllegalStateException(
          "Cannot " + what + ": the lake has no catalog. Build it with DeltaLake.builder().catalog(...).");
    }
  }

  Catalog catalogOrNull() {
    return catalog;
  }

  /**
   * Starts a write to the path or name, whether or not a table exists there (as {@code
   * write_deltalake}): its {@link Write#mode mode} says what to do with an existing table. A table
   * written by name that does not exist yet is created under its database's location and
   * registered.
   */
  public Write write(String pathOrName) {
    checkOpen();
    Objects.requireNonNull(pathOrName, "pathOrName");
    TableName name = name(pathOrName);
    return name == null ? new Write(this, KernelTable.at(engine, pathOrName)) : new Write(this, name);
  }

  /**
   * Reads one plain Parquet file (not a Delta table) as rows, e.g. to load it into a table. The
   * columns and their types come from the file's footer, as Spark reads them: INT32/INT64 with
   * their int, date, timestamp and decimal annotations, INT96 timestamps, strings, binary, standard
   * LIST and MAP groups, structs. (A Delta table's data files hold no partition columns: those live
   * in the log, so reading such a file gives the other columns only.)
   *
   * <p>The caller owns the iterator and closes it; rows are read lazily, a row group at a time.
   * Its {@link RowIterator#metrics()} give version -1 (a file has none), one file, its size in
   * bytes, and the rows returned so far.
   *
   * @param pathOrUri a local path or a URI ({@code file:///in/part-0.parquet},
   *     {@code hdfs://namenode:8020/in/part-0.parquet})
   * @throws io.deltalake4j.exceptions.DeltaIOException if the file does not exist or is not Parquet
   * @throws io.deltalake4j.exceptions.UnsupportedFeatureException if a column has a type Delta
   *     lacks (unsigned integers, TIME, nanosecond timestamps, legacy repeated fields), naming it
   */
  public RowIterator readParquet(String pathOrUri) {
    checkOpen();
    Objects.requireNonNull(pathOrUri, "pathOrUri");
    return ParquetFiles.read(engine, pathOrUri);
  }

  KernelEngine engine() {
    checkOpen();
    return engine;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Cannot use this DeltaLake: it is closed. Build a new one.");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /**
   * Configures a lake. Without {@link #hadoopConf} or {@link #hadoopConfDir}, the Hadoop
   * configuration comes from {@code $HADOOP_CONF_DIR} (core-site.xml, hdfs-site.xml) when that is
   * set, else local defaults.
   */
  public static final class Builder {
    private Configuration conf;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Maintenance maintenance = Maintenance.AUTOMATIC;
    private Catalog catalog;
    private Duration storageTimeout; // null: Hadoop's defaults

    private Builder() {}

    /** The Hadoop configuration to use (copied; later changes to it are not seen). */
    public Builder hadoopConf(Configuration conf) {
      Objects.requireNonNull(conf, "conf");
      requireNoConf("hadoopConf");
      this.conf = new Configuration(conf);
      return this;
    }

    /**
     * Loads {@code core-site.xml} and {@code hdfs-site.xml} from a Hadoop configuration directory,
     * as {@code $HADOOP_CONF_DIR} names one.
     */
    public Builder hadoopConfDir(Path dir) {
      Objects.requireNonNull(dir, "dir");
      requireNoConf("hadoopConfDir");
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("Invalid Hadoop configuration directory: " + dir + " is not a directory.");
      }
      Configuration c = new Configuration();
      for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          c.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
        }
      }
      this.conf = c;
      return this;
    }

    private void requireNoConf(String call) {
      if (this.conf != null) {
        throw new IllegalStateException(
            "Invalid builder call: " + call + " after the Hadoop configuration was already set. Set it once.");
      }
    }

    /**
     * One Hadoop or engine setting, applied over the configuration, e.g.
     * {@code set("parquet.compression", "SNAPPY")} (the default is ZSTD).
     */
    public Builder set(String key, String value) {
      settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * How long to wait for the storage (an HDFS NameNode or DataNode) to connect and to answer each
     * call before failing, in place of Hadoop's defaults (a silent NameNode holds each call for
     * 120 s, an unreachable one is tried 45 times for 20 s). Sets {@code ipc.client.connect.timeout},
     * {@code ipc.client.rpc-timeout.ms}, {@code ipc.ping.interval} and {@code
     * dfs.client.socket-timeout} to it, {@code ipc.client.connect.max.retries.on.timeouts} to 0 and
     * {@code ipc.client.connect.max.retries} to 2, each unless the Hadoop configuration sets it
     * already; {@link #set} still wins. Unset, Hadoop's defaults apply.
     */
    public Builder storageTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Invalid storage timeout " + timeout + ": give a positive duration.");
      }
      if (storageTimeout != null) {
        throw new IllegalStateException("Invalid builder call: storageTimeout(" + timeout + ") after storageTimeout("
            + storageTimeout + "). Set it once.");
      }
      this.storageTimeout = timeout;
      return this;
    }

    /** Whether writes run their checkpoints and checksums themselves ({@link Maintenance#AUTOMATIC}, the default). */
    public Builder maintenance(Maintenance maintenance) {
      this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
      return this;
    }

    /**
     * Resolves {@code database.table} names through this catalog (its caller keeps and closes
     * it); paths keep working.
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** A new lake; the builder can be used again. */
    public DeltaLake build() {
      Configuration base = conf != null ? new Configuration(conf) : fromEnvironment();
      if (storageTimeout != null) {
        StorageTimeouts.apply(base, storageTimeout);
      }
      settings.forEach(base::set);
      return new DeltaLake(KernelEngine.create(base, maintenance == Maintenance.AUTOMATIC), catalog);
    }

    private static Configuration fromEnvironment() {
      String dir = System.getenv("HADOOP_CONF_DIR");
      if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
        return new Configuration();
      }
      return new Builder().hadoopConfDir(Path.of(dir)).conf;
    }
  }
}
