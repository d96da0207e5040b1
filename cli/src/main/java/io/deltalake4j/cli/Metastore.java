package io.deltalake4j.cli;

import io.deltalake4j.catalog.TableName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Usage checks of the metastore commands. */
final class Metastore {
  private Metastore() {}

  static void require(CommandSpec spec, Main main) {
    if (main.metastore() == null) {
      throw new ParameterException(spec.commandLine(), "Missing option '--metastore': '" + spec.name()
          + "' works on a Hive Metastore. Give --metastore thrift://host:port.");
    }
  }

  /** The name, checked to read database.table. */
  static String name(CommandSpec spec, String name) {
    if (!TableName.isName(name)) {
      throw new ParameterException(spec.commandLine(), "Invalid NAME '" + name
          + "': write database.table, each part letters, digits and underscores, e.g. default.sales.");
    }
    return name;
  }
}
