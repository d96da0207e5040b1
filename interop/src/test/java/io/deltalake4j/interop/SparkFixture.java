package io.deltalake4j.interop;

import io.deltalake4j.testing.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Spark session with Delta per test JVM, started by the first test class that uses it and stopped
 * when the whole run ends.
 *
 * <p>Use it with {@code @ExtendWith(SparkFixture.class)}; test methods and constructors may then take
 * a {@link SparkSession} parameter, and {@link #session()} / {@link SparkTables} work. The session is
 * held in JUnit's root store, which closes it (and deletes the fixture's temporary directory) after the
 * last test of the run.
 *
 * <p>Settings: {@code local[2]}, 2 shuffle partitions, no UI, driver bound to 127.0.0.1, session time
 * zone UTC, {@code java.time} results, the Delta extension and catalog, and proleptic-Gregorian
 * ("CORRECTED") Parquet dates and timestamps, which is what Kernel and {@code java.time} assume.
 */
public final class SparkFixture implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SparkFixture.class);

  private static volatile Running running;

  /** The running session. */
  public static SparkSession session() {
    return running().session;
  }

  /**
   * A directory URI ({@code file:/...}) that lives as long as the session, for tables shared by all
   * test classes of the run (see {@link SparkTables}).
   */
  public static String localTablesBase() {
    return running().tablesDir.toUri().toString().replaceAll("/$", "");
  }

  private static Running running() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException(
          "Spark is not running: annotate the test class with @ExtendWith(SparkFixture.class)");
    }

    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }

  private static synchronized Running start() {
    long start = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory("deltalake4j-interop-spark");
      Files.createDirectories(dir.resolve("tables"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Spark's temporary directory", e);
    }

    SparkSession session =
        settings("deltalake4j-interop", dir.resolve("warehouse"))
            .config("spark.sql.catalogImplementation", "in-memory")
            .getOrCreate();
    Running started = new Running(session, dir, dir.resolve("tables"));
    running = started;
    Timings.record("spark session start", Duration.ofNanos(System.nanoTime() - start));
    return started;
  }

  /**
   * The settings every interop Spark session runs with (see the class comment), but for the catalog,
   * which the caller chooses: in-memory here, the Hive Metastore in {@link TestSparkSharesOurMetastore}.
   */
  static SparkSession.Builder settings(String appName, Path warehouse) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
        .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED")
        .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
        .config("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Delta rebuilds table state with this many tasks (default 50): far too many for 2 cores.
        .config("spark.databricks.delta.snapshotPartitions", "2");
  }

  /** The session and its directory; closed by JUnit's root store at the end of the run. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final SparkSession session;
    private final Path dir;
    private final Path tablesDir;

    Running(SparkSession session, Path dir, Path tablesDir) {
      this.session = session;
      this.dir = dir;
      this.tablesDir = tablesDir;
    }

    @Override
    public void close() throws IOException {
      running = null;
      SparkTables.forgetAll();
      try {
        session.stop();
      } finally {
        TempFiles.deleteRecursively(dir);
      }
    }
  }
}
