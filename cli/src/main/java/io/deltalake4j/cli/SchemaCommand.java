package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.cli.internal.SchemaReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j schema}: the columns and their types, or the Delta schema JSON. */
@Command(name = "schema", sortOptions = false,
    header = "Print the table's columns: name, type, nullable, partition.",
    description = "json prints the schema as the Delta log stores it.")
final class SchemaCommand implements Callable<Integer> {

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
      DeltaTable t = lake.table(table);
      if (format == OutputFormat.JSON) {
        SchemaReport.json(out, t.schema());
      } else {
        SchemaReport.table(out, t.schema(), t.partitionColumns());
      }
    }
    return 0;
  }
}
