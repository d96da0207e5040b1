package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.TableDetail;
import io.deltalake4j.cli.internal.DetailReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j detail}: location, files, size, partitioning, properties and protocol. */
@Command(name = "detail", sortOptions = false,
    header = "Print the table's location, files, size, partitioning, properties, protocol.",
    description = "What DESCRIBE DETAIL shows; json prints one object.")
final class DetailCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "The table: a path, a URI, or database.table with --metastore.")
  String table;

  private OutputFormat format;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
  void format(String value) {
    format = OutputFormat.parse(spec, value, OutputFormat.TABLE, OutputFormat.JSON);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LakeSession session = LakeSession.open(main)) {
      DeltaLake lake = session.lake();
      TableDetail detail = lake.table(table).detail();
      if (format == OutputFormat.JSON) {
        DetailReport.json(out, detail);
      } else {
        DetailReport.table(out, detail);
      }
    }
    return 0;
  }
}
