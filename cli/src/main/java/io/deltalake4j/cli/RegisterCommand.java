package io.deltalake4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j register}: records an existing Delta table under a metastore name. */
@Command(name = "register", header = "Register the Delta table at PATH as database.table in the metastore (needs --metastore).")
final class RegisterCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "NAME", description = "The name, database.table.")
  String name;

  @Parameters(index = "1", paramLabel = "PATH", description = "The Delta table's path or URI.")
  String path;

  @Override
  public Integer call() {
    Metastore.require(spec, main);
    try (LakeSession session = LakeSession.open(main)) {
      session.lake().register(Metastore.name(spec, name), path);
      spec.commandLine().getOut().println("registered " + name + " -> " + session.lake().catalog()
          .location(io.deltalake4j.catalog.TableName.parse(name)));
    }
    return 0;
  }
}
