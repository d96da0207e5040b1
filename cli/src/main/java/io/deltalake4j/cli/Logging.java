package io.deltalake4j.cli;

/**
 * What the libraries log on stderr: by default only errors, and this library's own warnings
 * (simplelogger.properties); with {@code --verbose}, warnings of Delta Kernel, Hadoop and Thrift
 * too. slf4j-simple reads its settings once per JVM, when the first logger is made, so this runs
 * after the command line is parsed and before the command does anything; a level the user set as
 * a system property is kept.
 */
final class Logging {
  private Logging() {}

  static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  static void configure(boolean verbose) {
    if (verbose && System.getProperty(DEFAULT_LEVEL) == null) {
      System.setProperty(DEFAULT_LEVEL, "warn");
    }
  }
}
