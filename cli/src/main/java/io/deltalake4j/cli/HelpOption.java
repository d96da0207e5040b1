package io.deltalake4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for the subcommands. They cannot take picocli's standard help mixin, whose
 * {@code --version} would clash with {@code scan --version N}.
 */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
