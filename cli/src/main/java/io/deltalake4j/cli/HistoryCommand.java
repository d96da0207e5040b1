package io.deltalake4j.cli;

import io.deltalake4j.Commit;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.cli.internal.HistoryReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deltalake4j history}: the table's commits, newest first, as DESCRIBE HISTORY shows them. */
@Command(name = "history", sortOptions = false, header = "Print the table's commits, newest first (DESCRIBE HISTORY).")
final class HistoryCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "The table: a path, a URI, or database.table with --metastore.")
  String table;

  @Option(names = "--limit", paramLabel = "N", converter = Counts.Positive.class,
      description = "Print only the newest N commits (default: all, as DESCRIBE HISTORY).")
  Integer limit;

  private OutputFormat format;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or jsonl.")
  void format(String value) {
    format = OutputFormat.parse(spec, value, OutputFormat.TABLE, OutputFormat.JSONL);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LakeSession session = LakeSession.open(main)) {
      DeltaLake lake = session.lake();
      DeltaTable t = lake.table(table);
      List<Commit> commits = limit == null ? t.history() : t.history(limit);
      if (format == OutputFormat.JSONL) {
        HistoryReport.jsonLines(out, commits);
      } else {
        HistoryReport.table(out, commits);
      }
    }
    return 0;
  }
}
