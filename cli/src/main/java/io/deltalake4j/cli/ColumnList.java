package io.deltalake4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Comma-separated column names given to an option, e.g. {@code --select product,price}. */
final class ColumnList {
  private ColumnList() {}

  /**
   * The names, stripped of spaces, in order.
   *
   * @param example a good value for the error message, e.g. {@code product,price}
   * @throws ParameterException if a name is empty
   */
  static List<String> parse(CommandSpec spec, String option, String value, String example) {
    List<String> names = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty()) {
        throw new ParameterException(spec.commandLine(),
            "Invalid value for option '" + option + "': '" + value + "' has an empty column name. "
                + "Give column names separated by commas, e.g. " + option + " " + example);
      }
      names.add(name);
    }
    return names;
  }
}
