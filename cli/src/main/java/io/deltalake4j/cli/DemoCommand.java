package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.cli.internal.Numbers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deltalake4j demo}: writes the sales dataset as a Delta table and shows what the library does with it. */
@Command(
    name = "demo",
    header = "Write a sample sales table and show scans, time travel, history, detail.",
    sortOptions = false,
    description = "Writes the sales dataset as the Delta table DIR/sales_transactions, partitioned by "
        + "region, year, month (version 0), appends 10%% more rows (version 1), then shows a pruned scan, "
        + "revenue by region, version 0 vs latest, history and detail. The table is marked with the table "
        + "property deltalake4j.demo=true; a marked table from an earlier run is replaced, and anything else at "
        + "that path (any other Delta table included) is refused and left alone.")
final class DemoCommand implements Callable<Integer> {

  /** Set by the launcher script to the path it was run by, for the hints at the end. */
  static final String LAUNCHER_ENV = "DELTALAKE4J_LAUNCHER";

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "deltalake4j-warehouse",
      description = "The local directory to write into (default: ${DEFAULT-VALUE} in the current directory).")
  String warehouse;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "50000", converter = Counts.Positive.class,
      description = "Rows in version 0 (default: ${DEFAULT-VALUE}); version 1 appends N/10 more.")
  int rows;

  @Option(names = "--register", paramLabel = "NAME",
      description = "Also register the table in the metastore of --metastore as NAME (database.table).")
  String register;

  @ParentCommand Main main;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    if (warehouse.contains(":/")) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--warehouse': '" + warehouse
          + "' is a URI; the demo writes to a local directory. Give a path, e.g. --warehouse /tmp/warehouse");
    }
    if (register != null) {
      Metastore.require(spec, main);
      Metastore.name(spec, register);
    }
    PrintWriter out = spec.commandLine().getOut();
    DemoWarehouse dir = new DemoWarehouse(Path.of(warehouse));
    int appended = Math.max(1, rows / 10);
    out.println("deltalake4j demo: the sales dataset, " + Numbers.count(rows) + " rows and " + Numbers.count(appended)
        + " appended, as a Delta table partitioned by region, year, month");
    out.println("table: " + dir.table());
    if (dir.prepare()) {
      out.println("Replacing the demo table from an earlier run.");
    }
    try (DeltaLake lake = DeltaLake.local()) {
      new DemoSections(lake, dir.table().toString(), out).run(rows, appended);
    }
    if (register != null) {
      try (LakeSession session = LakeSession.open(main)) {
        session.lake().register(register, dir.table().toUri().toString());
      }
      out.println();
      out.println("Registered as " + register + " in the metastore at " + main.metastore() + ".");
    }
    out.println();
    out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    out.println();
    out.println("Explore it:");
    String command = command();
    String table = DemoSections.shellQuote(dir.table().toString());
    out.println("  " + command + " scan " + table + " --where \"region = 'us-east' AND month = 1\" --limit 5");
    out.println("  " + command + " scan " + table + " --version 0 --select transaction_id,price --format csv --limit 3");
    out.println("  " + command + " history " + table + " --format jsonl");
    out.println("  " + command + " schema " + table);
    return 0;
  }

  /** How the user ran us: the launcher passes its own path (e.g. ./deltalake4j), else the plain name. */
  private static String command() {
    String launcher = System.getenv(LAUNCHER_ENV);
    return launcher == null || launcher.isBlank() ? "deltalake4j" : DemoSections.shellQuote(launcher);
  }
}
