package io.deltalake4j.hms.testing;

import io.deltalake4j.testing.TempFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's server binaries (Debian's {@code postgresql}
 * package), on a free loopback port in a temporary directory, with an empty database {@code
 * metastore} owned by {@code hms}. The server refuses to run as root: then it runs as {@code
 * postgres}. Closing stops it and deletes the directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final Thread stopper = new Thread(this::stop, "stop-postgres");
  private boolean stopped;

  public EmbeddedPostgres() {
    bin = binaries();
    asPostgres = isRoot();
    try {
      dir = Files.createTempDirectory("deltalake4j-pg-");
      if (asPostgres) {
        run(List.of("chown", "postgres", dir.toString()), false);
      }
      port = EmbeddedHms.freePort();
      run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "hms",
          "--auth=trust", "-E", "UTF8", "--no-locale"), true);
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
          dir.resolve("server.log").toString(), "-w", "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
      // pg_ctl detaches the server: stop it even if this JVM is ended from outside.
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "hms",
            "metastore"), true);
      } catch (RuntimeException e) {
        close(); // the server started: stop it
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL: " + e.getMessage(), e);
    }
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

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/metastore";
  }

  /** Runs a SQL script against the database, stopping at the first error. */
  public void load(Path script) {
    run(List.of(bin.resolve("psql").toString(), "-q", "-h",
        "127.0.0.1", "-p", Integer.toString(port), "-U", "hms", "-d", "metastore", "-v", "ON_ERROR_STOP=1"),
        true, script.toFile());
  }

  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IllegalStateException("Cannot run the metastore tests on PostgreSQL: no PostgreSQL "
              + "server binaries under /usr/lib/postgresql. Install them (Debian: apt-get install postgresql)."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(List<String> command, boolean server) {
    run(command, server, null);
  }

  private void run(List<String> command, boolean server, File stdin) {
    List<String> full = new ArrayList<>();
    if (server && asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    if (stdin != null) {
      pb.redirectInput(stdin); // read by this JVM, so the postgres user needs no access to the file
    }
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", full) + "\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
      // the hook runs, or was never added
    }
    stop();
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"), true);
    } finally {
      TempFiles.deleteRecursively(dir);
    }
  }
}
