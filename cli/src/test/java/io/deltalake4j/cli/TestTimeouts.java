package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.testing.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --timeout}: a metastore or NameNode that accepts and never answers ends the command in time, naming it. */
class TestTimeouts {

  private static final Duration BOUND = Duration.ofSeconds(20);

  /** Runs the command line and checks that it ended within {@link #BOUND}. */
  private static CliRun timed(String... args) {
    long start = System.nanoTime();
    CliRun run = CliRun.of(args);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to give up").isLessThan(BOUND);
    return run;
  }

  @Test
  void aMetastoreThatNeverAnswersFailsWithinTheTimeoutNamingItAndTheOption() {
    try (SilentServer hung = new SilentServer()) {
      String uri = "thrift://127.0.0.1:" + hung.port();

      CliRun tables = timed("--metastore", uri, "--timeout", "2", "tables", "default");
      CliRun scan = timed("--metastore", uri, "--timeout", "2", "scan", "default.sales");

      for (CliRun run : new CliRun[] {tables, scan}) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
            .startsWith("deltalake4j: Cannot ")
            .contains(": the Hive Metastore at " + uri + " accepted the connection but did not answer within 2000 ms "
                + "(read timeout). The call was not retried")
            .endsWith("Gave up after the --timeout of 2 s; if the server is just slow, raise it, e.g. --timeout 120.");
      }
      assertThat(hung.connections()).as("one connection per command: a read timeout is not retried").isEqualTo(2);
    }
  }

  @Test
  void anHdfsNameNodeThatNeverAnswersFailsWithinTheTimeoutNamingIt() {
    try (SilentServer hung = new SilentServer()) {
      String table = "hdfs://127.0.0.1:" + hung.port() + "/lake/sales";

      CliRun scan = timed("scan", table, "--timeout", "2");

      assertThat(scan.exitCode()).isEqualTo(1);
      assertThat(scan.errLines()).singleElement().asString()
          .startsWith("deltalake4j: Cannot ")
          .contains("hdfs://127.0.0.1:" + hung.port())
          .endsWith("Gave up after the --timeout of 2 s; if the server is just slow, raise it, e.g. --timeout 120.");
    }
  }

  @Test
  void timeoutMustBeAPositiveNumberOfSeconds() {
    CliRun zero = CliRun.of("--timeout", "0", "history", "t");
    CliRun word = CliRun.of("history", "t", "--timeout", "soon");

    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.errLines()).singleElement().asString().contains("'0' is out of range", "more than 0");
    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.errLines()).singleElement().asString().contains("'soon' is not a number of seconds");
  }
}
