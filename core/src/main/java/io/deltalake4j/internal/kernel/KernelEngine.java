package io.deltalake4j.internal.kernel;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.hadoopio.HadoopFileIO;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.JsonHandler;
import io.delta.kernel.engine.ParquetHandler;
import io.delta.kernel.engine.MetricsReporter;
import io.deltalake4j.internal.storage.LocalLogStore;
import java.net.URI;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * The Kernel engine a {@code DeltaLake} owns: the default engine over Hadoop FileSystems, with
 * Kernel's metrics logging switched off, compressed Parquet by default, and log actions read as
 * Spark reads them ({@link CheckedJsonHandler}).
 */
public final class KernelEngine {

  /** Kernel's writer reads this parquet-mr key; without it files are written uncompressed. */
  static final String PARQUET_COMPRESSION = "parquet.compression";

  /** Kernel's setting of the log store for file: tables; ours is safe for concurrent writers. */
  static final String LOCAL_LOG_STORE = "io.delta.kernel.logStore.file.impl";

  /** The Kernel setting of the size at which the default Parquet writer rolls over to a new file. */
  public static final String TARGET_FILE_SIZE = "delta.kernel.default.parquet.writer.targetMaxFileSize";

  private final Configuration conf;
  private final Engine engine;
  private final boolean automaticMaintenance;

  private KernelEngine(Configuration conf, boolean automaticMaintenance) {
    this.conf = conf;
    this.engine = new QuietEngine(new TableFileIO(new HadoopFileIO(conf), path -> {}), conf);
    this.automaticMaintenance = automaticMaintenance;
  }

  /**
   * An engine over a copy of {@code userConf}; the caller's object is never changed.
   *
   * @param automaticMaintenance whether commits run their checkpoint and checksum work
   */
  public static KernelEngine create(Configuration userConf, boolean automaticMaintenance) {
    Configuration conf = new Configuration(userConf);
    if (conf.get(LOCAL_LOG_STORE) == null) {
      conf.set(LOCAL_LOG_STORE, LocalLogStore.class.getName());
    }
    if (conf.get(PARQUET_COMPRESSION) == null && conf.get("parquet.compression.codec") == null) {
      conf.set(PARQUET_COMPRESSION, "ZSTD");
    }
    return new KernelEngine(conf, automaticMaintenance);
  }

  public Engine engine() {
    return engine;
  }

  /** Whether commits run the checkpoint and checksum work Kernel names for them. */
  public boolean automaticMaintenance() {
    return automaticMaintenance;
  }

  /**
   * An engine for writing one write's data files: like this one, with the target file size set
   * (when above 0), and reporting to {@code created} the path of every file before it creates it.
   */
  public Engine fileWriter(long targetFileSize, Consumer<String> created) {
    Configuration c = conf;
    if (targetFileSize > 0) {
      c = new Configuration(conf);
      c.set(TARGET_FILE_SIZE, Long.toString(targetFileSize));
    }
    return new QuietEngine(new TableFileIO(new HadoopFileIO(c), created), c);
  }

  public Configuration conf() {
    return conf;
  }

  /**
   * A fully qualified table location. A path without a scheme is a local path when the default
   * file system is local (made absolute against the working directory); otherwise Hadoop
   * qualifies it against {@code fs.defaultFS}. Trailing slashes are dropped.
   */
  public String qualify(String pathOrUri) {
    String p = pathOrUri.strip();
    if (p.isEmpty()) {
      throw new IllegalArgumentException("Invalid table path: empty");
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    boolean hasScheme = p.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !p.matches("^[A-Za-z]:\\\\.*");
    if (!hasScheme && isDefaultFsLocal()) {
      p = "file:" + Paths.get(p).toAbsolutePath().normalize();
    }
    try {
      return engine.getFileSystemClient().resolvePath(p).replaceAll("/$", "");
    } catch (java.io.IOException | RuntimeException e) {
      throw new io.deltalake4j.exceptions.DeltaIOException(
          "Cannot resolve table path " + p + ": " + KernelErrors.rootMessage(e)
              + ". Check the URI and that its file system is reachable.", e);
    }
  }

  private boolean isDefaultFsLocal() {
    String fs = conf.get("fs.defaultFS", "file:///");
    return "file".equals(URI.create(fs).getScheme());
  }

  /**
   * The default engine, minus the reporter that logs every scan and commit at INFO, with checked
   * JSON and Parquet handlers: damaged files fail named, partial checkpoints are never published.
   */
  private static final class QuietEngine extends DefaultEngine {
    private final JsonHandler json;
    private final ParquetHandler parquet;

    QuietEngine(FileIO fileIO, Configuration conf) {
      super(fileIO);
      this.json = new CheckedJsonHandler(super.getJsonHandler(), conf);
      this.parquet = new CheckedParquetHandler(super.getParquetHandler(), conf);
    }

    @Override
    public JsonHandler getJsonHandler() {
      return json;
    }

    @Override
    public ParquetHandler getParquetHandler() {
      return parquet;
    }

    @Override
    public List<MetricsReporter> getMetricsReporters() {
      return List.of();
    }
  }
}
