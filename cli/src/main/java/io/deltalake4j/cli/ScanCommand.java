package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.RowIterator;
import io.deltalake4j.Scan;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.cli.internal.ArrowFile;
import io.deltalake4j.cli.internal.CsvWriter;
import io.deltalake4j.cli.internal.JsonLinesWriter;
import io.deltalake4j.cli.internal.Numbers;
import io.deltalake4j.cli.internal.RowWriter;
import io.deltalake4j.cli.internal.TableRowWriter;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j scan}: the rows of a table, filtered, projected, at a version or a time. */
@Command(
    name = "scan",
    header = "Print the rows of a table, filtered, projected, at a version or a time.",
    sortOptions = false,
    description = "Partition pruning and min/max statistics skip files; every row read is filtered "
        + "exactly. The table format ends with a summary line of the files pruned, skipped and read; "
        + "jsonl and csv print only the data, so they can be piped.")
final class ScanCommand implements Callable<Integer> {

  /** How often (in rows) to check whether stdout was closed, e.g. by {@code | head}. */
  private static final int CHECK_EVERY = 1024;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "The table: a path, a URI, or database.table with --metastore.")
  String table;

  @Option(names = "--where", paramLabel = "EXPR",
      description = {
        "A SQL filter, e.g.",
        "  \"region = 'us-east' AND month IN (1, 2)\"",
        "  \"price >= 100 AND sale_date < DATE '2024-03-01'\""
      })
  String where;

  @Option(names = "--select", paramLabel = "COLS",
      description = "Comma-separated columns to print, in this order (default: all).")
  String select;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  TimeTravel timeTravel;

  /** At most one of {@code --version} and {@code --timestamp}. */
  static final class TimeTravel {
    @Option(names = "--version", paramLabel = "N", description = "Read this version of the table.")
    Long version;

    @Option(names = "--timestamp", paramLabel = "TS", converter = TimestampConverter.class,
        description = {
          "Read the version current at this time, given as",
          "  2024-06-01T00:00:00Z (an ISO instant),",
          "  '2024-06-01 12:30:00[.ffffff]' (UTC) or",
          "  2024-06-01 (midnight UTC)."
        })
    Instant timestamp;
  }

  @Option(names = "--limit", paramLabel = "N", converter = Counts.NonNegative.class,
      description = "Print at most N rows.")
  Long limit;

  private OutputFormat format;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), jsonl, csv, or arrow (an Arrow IPC stream, written to --output).")
  void format(String value) {
    format = OutputFormat.parse(spec, value, OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.CSV, OutputFormat.ARROW);
  }

  @Option(names = "--output", paramLabel = "FILE",
      description = "With --format arrow: the file to write the Arrow IPC stream to (replaced if it exists).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> columns = columns();
    if ((format == OutputFormat.ARROW) != (output != null)) {
      throw new ParameterException(spec.commandLine(), format == OutputFormat.ARROW
          ? "--format arrow writes binary data: give the file to write with --output FILE."
          : "--output is for --format arrow; other formats print to stdout.");
    }
    try (LakeSession session = LakeSession.open(main)) {
      DeltaLake lake = session.lake();
      Scan scan = refine(lake.table(table).scan(), columns);
      if (format == OutputFormat.ARROW) {
        ArrowFile.Written w = ArrowFile.write(scan, output);
        out.println("Wrote " + Numbers.count(w.rows(), "row", "rows") + " in " + Numbers.count(w.batches(), "batch", "batches")
            + " to " + output + " (Arrow IPC stream, " + Numbers.bytes(w.bytes()) + ")");
        return 0;
      }
      try (RowIterator rows = scan.rows()) {
        RowWriter writer = writer(out, rows.schema());
        long n = 0;
        while (rows.hasNext()) {
          writer.write(rows.next());
          if (++n % CHECK_EVERY == 0 && out.checkError()) {
            return 0;
          }
        }
        writer.finish();
        ScanMetrics metrics = rows.metrics();
        if (format == OutputFormat.TABLE) {
          out.println(Numbers.scanSummary(metrics));
        } else if (main.verbose()) {
          spec.commandLine().getErr().println(Numbers.scanSummary(metrics));
        }
      }
    }
    return 0;
  }

  private Scan refine(Scan scan, List<String> columns) {
    Scan s = scan;
    if (where != null) {
      s = s.where(where);
    }
    if (columns != null) {
      s = s.select(columns);
    }
    if (timeTravel != null && timeTravel.version != null) {
      s = s.asOfVersion(timeTravel.version);
    } else if (timeTravel != null && timeTravel.timestamp != null) {
      s = s.asOfTimestamp(timeTravel.timestamp);
    }
    if (limit != null) {
      s = s.limit(limit);
    }
    return s;
  }

  /** The {@code --select} names, or null for all columns. */
  private List<String> columns() {
    return select == null ? null : ColumnList.parse(spec, "--select", select, "product,price");
  }


  private RowWriter writer(PrintWriter out, StructType schema) {
    return switch (format) {
      case JSONL -> new JsonLinesWriter(out);
      case CSV -> new CsvWriter(out, schema);
      default -> new TableRowWriter(out, schema);
    };
  }
}
