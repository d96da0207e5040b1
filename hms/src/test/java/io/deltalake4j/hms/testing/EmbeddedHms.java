package io.deltalake4j.hms.testing;

import io.deltalake4j.testing.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Hive Metastore 4.0.1 (Thrift) on a free loopback port, in a child JVM on this JVM's class
 * path, so that closing it stops it. Its database is Derby in a temporary directory, or, with the
 * system property {@code deltalake4j.hms.backend=postgres}, a throwaway PostgreSQL whose schema is
 * loaded from the official script named by {@code deltalake4j.hms.schema} (as schematool would).
 * Its warehouse is a local directory; databases may live elsewhere (HDFS), which the server
 * reaches as any client does.
 */
public final class EmbeddedHms implements ExtensionContext.Store.CloseableResource {

  private static final long START_SECONDS = 120;

  private final Path dir;
  private final int port;
  private final EmbeddedPostgres postgres; // null on Derby
  private final Process process;

  public EmbeddedHms() {
    EmbeddedPostgres pg = null;
    Process started = null;
    try {
      dir = Files.createTempDirectory("deltalake4j-hms-");
      port = freePort();
      if ("postgres".equals(System.getProperty("deltalake4j.hms.backend"))) {
        pg = new EmbeddedPostgres();
        pg.load(Path.of(System.getProperty("deltalake4j.hms.schema", "target/hms-schema/hive-schema-4.0.0.postgres.sql")));
      }
      postgres = pg;
      started = start();
      process = started;
      awaitPort();
    } catch (IOException | RuntimeException e) {
      // Stop whatever did start: no server outlives a failed start.
      if (started != null) {
        started.destroyForcibly();
      }
      if (pg != null) {
        pg.close();
      }
      throw e instanceof IOException io ? new UncheckedIOException("Cannot start a Hive Metastore: " + io.getMessage(), io)
          : (RuntimeException) e;
    }
  }

  /** {@code thrift://127.0.0.1:PORT}. */
  public String uri() {
    return "thrift://127.0.0.1:" + port;
  }

  /** The database behind the metastore: {@code derby} or {@code postgres}. */
  public String backend() {
    return postgres == null ? "derby" : "postgres";
  }

  /** The JDBC URL of the PostgreSQL database behind the metastore (user {@code hms}), or null on Derby. */
  public String postgresUrl() {
    return postgres == null ? null : postgres.jdbcUrl();
  }

  /** The warehouse directory, a {@code file:} URI ending in {@code /}. */
  public String warehouse() {
    return dir.resolve("warehouse").toUri().toString();
  }

  private Process start() throws IOException {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("metastore.warehouse.dir", warehouse());
    conf.put("metastore.warehouse.external.dir", dir.resolve("external").toUri().toString());
    if (postgres == null) {
      conf.put("javax.jdo.option.ConnectionURL", "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
      conf.put("datanucleus.schema.autoCreateAll", "true");
      conf.put("metastore.schema.verification", "false");
    } else {
      conf.put("javax.jdo.option.ConnectionURL", postgres.jdbcUrl());
      conf.put("javax.jdo.option.ConnectionDriverName", "org.postgresql.Driver");
      conf.put("javax.jdo.option.ConnectionUserName", "hms");
      conf.put("javax.jdo.option.ConnectionPassword", "");
      conf.put("datanucleus.schema.autoCreateAll", "false");
      conf.put("metastore.schema.verification", "true");
    }
    conf.put("metastore.task.threads.always", "org.apache.hadoop.hive.metastore.events.EventCleanerTask");
    conf.put("metastore.expression.proxy", "org.apache.hadoop.hive.metastore.DefaultPartitionExpressionProxy");
    conf.put("metastore.metastore.event.db.notification.api.auth", "false");
    conf.put("metastore.metadata.transformer.class", " ");
    conf.put("metastore.stats.autogather", "false");
    conf.put("metastore.thrift.bind.host", "127.0.0.1");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
        "-Dderby.stream.error.file=" + dir.resolve("derby.log"),
        "-cp", classPath(),
        "org.apache.hadoop.hive.metastore.HiveMetaStore", "-p", Integer.toString(port)));
    conf.forEach((k, v) -> {
      command.add("--hiveconf");
      command.add(k + "=" + v);
    });
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("hms.log").toFile());
    return pb.start();
  }

  /**
   * The hms module's test class path when another module's tests start the metastore (the
   * property {@code deltalake4j.hms.classpath} names the file the hms build writes), else this JVM's.
   */
  private static String classPath() throws IOException {
    String file = System.getProperty("deltalake4j.hms.classpath");
    if (file == null) {
      return System.getProperty("java.class.path");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("Cannot start a Hive Metastore: " + path + " does not exist. Build the hms "
          + "module first (mvn -pl hms -am install), or run the whole build.");
    }
    return Files.readString(path).strip();
  }

  private void awaitPort() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The Hive Metastore exited with " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("The Hive Metastore did not open port " + port + " in " + START_SECONDS + " s:\n" + logTail());
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("hms.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      TempFiles.deleteRecursively(dir);
    }
  }
}
