package io.deltalake4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Comma-separated column names given to an option, e.g. {@code --select product,price}. A name is
 * bare (spaces around it dropped) or backquoted as in {@code --where}: {@code `3d_int_list`},
 * {@code `unit price`}, {@code `a,b`}, with {@code ``} for a backquote inside.
 */
final class ColumnList {
  private ColumnList() {}

  /**
   * The names, in order.
   *
   * @param example a good value for the error message, e.g. {@code product,price}
   * @throws ParameterException if a name is empty, a backquote is not closed, or text follows one
   */
  static List<String> parse(CommandSpec spec, String option, String value, String example) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while (true) {
      i = skipSpaces(value, i);
      StringBuilder name = new StringBuilder();
      boolean backquoted = i < value.length() && value.charAt(i) == '`';
      if (backquoted) {
        i = quoted(spec, option, value, i, name);
        i = skipSpaces(value, i);
        if (i < value.length() && value.charAt(i) != ',') {
          throw invalid(spec, option, value, "has text after the backquoted name ending at position " + i,
              "Separate column names with commas, e.g. " + option + " `date`,price");
        }
      } else {
        int comma = value.indexOf(',', i);
        int end = comma < 0 ? value.length() : comma;
        name.append(value, i, end);
        i = end;
      }
      String n = backquoted ? name.toString() : name.toString().strip();
      if (n.isEmpty()) {
        throw invalid(spec, option, value, "has an empty column name",
            "Give column names separated by commas, e.g. " + option + " " + example);
      }
      names.add(n);
      if (i >= value.length()) {
        return names;
      }
      i++; // the comma
    }
  }

  /** Reads a backquoted name starting at {@code start} into {@code name}; returns the index after it. */
  private static int quoted(CommandSpec spec, String option, String value, int start, StringBuilder name) {
    int i = start + 1;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '`') {
        if (i + 1 < value.length() && value.charAt(i + 1) == '`') {
          name.append('`');
          i += 2;
          continue;
        }
        if (name.length() == 0) {
          throw invalid(spec, option, value, "has an empty column name",
              "Put the name between the backquotes, e.g. " + option + " `date`");
        }
        return i + 1;
      }
      name.append(c);
      i++;
    }
    throw invalid(spec, option, value, "has no closing backquote for the name starting at position " + start,
        "Close it, and write `` for a backquote inside a name");
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static ParameterException invalid(CommandSpec spec, String option, String value, String reason, String fix) {
    return new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': '" + value + "' " + reason + ". " + fix + ".");
  }
}
