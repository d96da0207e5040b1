package io.deltalake4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j unregister}: removes a metastore name; the table's files stay unless {@code --purge}. */
@Command(name = "unregister",
    header = "Remove database.table from the metastore; the table's files stay unless --purge (needs --metastore).")
final class UnregisterCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "NAME", description = "The name, database.table.")
  String name;

  @Option(names = "--purge", description = "Also delete the table's directory and every file in it. Not undoable. Refused, with "
      + "nothing deleted, unless a Delta table is exactly there with no other table below it, and the directory "
      + "is not a file system root, the database's location or the warehouse, nor a parent of those.")
  boolean purge;

  @Override
  public Integer call() {
    Metastore.require(spec, main);
    try (LakeSession session = LakeSession.open(main)) {
      if (purge) {
        session.lake().purge(Metastore.name(spec, name));
        spec.commandLine().getOut().println("purged " + name + ": unregistered, and its files deleted");
      } else {
        session.lake().unregister(Metastore.name(spec, name));
        spec.commandLine().getOut().println("unregistered " + name);
      }
    }
    return 0;
  }
}
