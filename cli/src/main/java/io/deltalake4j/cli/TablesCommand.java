package io.deltalake4j.cli;

import io.deltalake4j.catalog.TableName;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j tables}: the Delta tables of a metastore database, one name per line. */
@Command(name = "tables", header = "List the Delta tables of a metastore database (needs --metastore).")
final class TablesCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "DB", arity = "0..1", defaultValue = "default",
      description = "The database (default: ${DEFAULT-VALUE}).")
  String database;

  @Override
  public Integer call() {
    Metastore.require(spec, main);
    PrintWriter out = spec.commandLine().getOut();
    try (LakeSession session = LakeSession.open(main)) {
      List<TableName> tables = session.lake().catalog().tables(database);
      tables.forEach(out::println);
    }
    return 0;
  }
}
