package io.deltalake4j.cli;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option whose value is one of a few names, matched case-insensitively. */
final class Choices {
  private Choices() {}

  /**
   * The choice whose label is {@code value}.
   *
   * @throws ParameterException naming the labels the option accepts
   */
  static <T> T parse(CommandSpec spec, String option, String value, T[] choices, Function<T, String> label) {
    for (T c : choices) {
      if (label.apply(c).equalsIgnoreCase(value.trim())) {
        return c;
      }
    }
    String names = Arrays.stream(choices).map(label).collect(Collectors.joining(", "));
    throw new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': '" + value + "'. Use one of: " + names + ".");
  }
}
