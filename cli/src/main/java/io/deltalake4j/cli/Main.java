package io.deltalake4j.cli;

import io.deltalake4j.hms.HiveCatalog;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code deltalake4j} command: {@code scan}, {@code write}, {@code history}, {@code detail},
 * {@code schema}, {@code demo}, and, with a metastore, {@code tables}, {@code register} and {@code
 * unregister}. Exit codes: 0 on success, 1 when the library or storage fails, 2 for usage
 * errors. Errors print one line on stderr; {@code --verbose} adds the stack trace, and the
 * warnings of the libraries underneath (Delta Kernel, Hadoop), which are hidden otherwise.
 *
 * <p>{@link #run} runs it in-process with given streams and returns the exit code; {@link #main}
 * runs it on stdout and stderr (UTF-8) and exits with that code.
 */
@Command(
    name = "deltalake4j",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description = "Reads and writes Delta Lake tables on local disk or HDFS, without Spark.",
    subcommands = {
      ScanCommand.class, WriteCommand.class, HistoryCommand.class, DetailCommand.class, SchemaCommand.class, DemoCommand.class,
      TablesCommand.class, RegisterCommand.class, UnregisterCommand.class, HelpCommand.class
    },
    footer = {
      "",
      "TABLE is a path or a URI: sales, /data/sales, file:///data/sales,",
      "hdfs://namenode:8020/lake/sales; with --metastore, also database.table.",
      "Hadoop settings (core-site.xml, hdfs-site.xml) come from $HADOOP_CONF_DIR",
      "when it is set.",
      "",
      "Examples:",
      "  deltalake4j demo",
      "  t=deltalake4j-warehouse/sales_transactions",
      "  deltalake4j scan $t --where \"region = 'us-east' AND month = 1\" --limit 5",
      "  deltalake4j history $t --format jsonl",
      "  deltalake4j write new_table --input rows.csv --infer-schema",
      "  deltalake4j --metastore thrift://metastore:9083 --timeout 120 tables default"
    })
public final class Main implements Callable<Integer> {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On errors, print the stack trace too; show the warnings of Delta Kernel and Hadoop (hidden "
          + "otherwise); for jsonl and csv scans, print the scan summary on stderr.")
  boolean verbose;

  private String metastore;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      scope = ScopeType.INHERIT,
      defaultValue = "30",
      converter = Timeout.Converter.class,
      description = "How long to wait for the metastore and for HDFS to connect and to answer each call before "
          + "giving up with an error naming the server (default: ${DEFAULT-VALUE}). Hadoop timeouts set in "
          + "$HADOOP_CONF_DIR win.")
  Duration timeout;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given streams, flushed at the end, and returns the exit code.
   * Never calls {@link System#exit}.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    ErrorReporter errors = new ErrorReporter(() -> main.verbose, () -> main.timeout);
    CommandLine cmd = new CommandLine(main)
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExpandAtFiles(false) // write --create-schema @FILE reads the file itself
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setExecutionStrategy(parsed -> {
          Logging.configure(main.verbose);
          return new CommandLine.RunLast().execute(parsed);
        });
    try {
      return cmd.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Without a command: the usage on stderr, and the usage-error exit code. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }

  @Option(
      names = "--metastore",
      paramLabel = "URIS",
      scope = ScopeType.INHERIT,
      description = "Hive Metastore thrift://host:port (several, comma-separated, for failover): TABLE may then be "
          + "database.table, and tables created by name are registered.")
  void metastore(String uris) {
    try {
      HiveCatalog.builder(uris); // checks the addresses; connects nothing
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    metastore = uris;
  }

  boolean verbose() {
    return verbose;
  }

  /** How long to wait for a server, from {@code --timeout}. */
  Duration timeout() {
    return timeout;
  }

  /** The metastore addresses of {@code --metastore}, or null. */
  String metastore() {
    return metastore;
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16));
  }
}
