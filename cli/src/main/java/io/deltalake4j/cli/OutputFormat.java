package io.deltalake4j.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The values of {@code --format}; each command accepts some of them. */
enum OutputFormat {
  /** Aligned columns for people. */
  TABLE,
  /** One JSON object per line. */
  JSONL,
  /** One JSON document. */
  JSON,
  /** RFC 4180 CSV with a header. */
  CSV,
  /** An Apache Arrow IPC stream (binary; written to a file). */
  ARROW;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named by {@code value} (case-insensitive), if it is one of {@code allowed}.
   *
   * @throws ParameterException naming the formats the command accepts
   */
  static OutputFormat parse(CommandSpec spec, String value, OutputFormat... allowed) {
    return Choices.parse(spec, "--format", value, allowed, OutputFormat::label);
  }
}
