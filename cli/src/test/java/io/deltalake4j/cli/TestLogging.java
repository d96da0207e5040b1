package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.sample.SalesData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings of the libraries underneath stay off stderr unless {@code --verbose}. */
class TestLogging {

  @Test
  void libraryWarningsAndTheirStackTracesShowOnlyWithVerbose(@TempDir Path dir) throws Exception {
    // Kernel warns, with a stack trace, when _last_checkpoint cannot be parsed (as while another writer rewrites
    // it), then reads the table from its commits: the scan succeeds either way.
    Path table = dir.resolve("sales");
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(table.toString()).schema(SalesData.SCHEMA).rows(SalesData.rows(3)).commit();
    }
    Files.writeString(table.resolve("_delta_log/_last_checkpoint"), "being rewritten");

    CliProcess quiet = CliProcess.run(dir, "scan", table.toString(), "--select", "transaction_id", "--format", "csv");
    CliProcess verbose = CliProcess.run(dir, "scan", table.toString(), "--select", "transaction_id", "--format", "csv",
        "--verbose");

    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.out().lines()).hasSize(4);
    assertThat(quiet.err()).as("no warning, no stack trace").isEmpty();
    assertThat(verbose.exitCode()).as(verbose.err()).isZero();
    assertThat(verbose.out()).isEqualTo(quiet.out());
    assertThat(verbose.err()).contains("WARN io.delta.kernel.internal.checkpoints.Checkpointer",
        "\tat io.delta.kernel.");
  }
}
