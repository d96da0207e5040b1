package io.deltalake4j.cli;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Write;
import io.deltalake4j.WriteMode;
import io.deltalake4j.cli.internal.CommitReport;
import io.deltalake4j.cli.internal.Progress;
import io.deltalake4j.cli.internal.input.Input;
import io.deltalake4j.cli.internal.input.InputFormat;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.util.Locale;
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

/** {@code deltalake4j write}: rows from a JSON Lines, CSV or Parquet file into a table, in one commit. */
@Command(
    name = "write",
    sortOptions = false,
    header = "Write the rows of a JSON Lines, CSV or Parquet file to a table, in one commit.",
    description = "Creates the table if there is none (as write_deltalake does); else the mode says what "
        + "to do. The input is read as the write goes, never held whole in memory. Every value must fit "
        + "its column: an error names the line and the column, and nothing is committed. Prints what "
        + "the commit did; when stderr is a terminal, also the rows read so far, every second.",
    footer = {
      "",
      "Examples:",
      "  deltalake4j write sales --input sales.csv --infer-schema --partition-by region",
      "  deltalake4j write sales --input more.jsonl --mode append --txn loader:42",
      "  deltalake4j write sales --input eu.csv --mode overwrite --where \"region='eu'\""
    })
final class WriteCommand implements Callable<Integer> {

  /** How many records --infer-schema looks at. */
  static final int SAMPLE_ROWS = 1000; // the --infer-schema help says "1,000"

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "The table: a path, a URI, or database.table with --metastore.")
  String table;

  @Option(order = 1, names = "--input", paramLabel = "FILE", required = true,
      description = "The file to read: a local path; for parquet also a URI, e.g. hdfs://nn:8020/in/0.parquet.")
  String input;

  private InputFormat inputFormat;

  @Option(order = 2, names = "--input-format", paramLabel = "FORMAT",
      description = "jsonl (one JSON object per line), csv (RFC 4180, header row) or parquet. "
          + "Default: from the file name (.jsonl .ndjson .json, .csv, .parquet).")
  void inputFormat(String value) {
    inputFormat = Choices.parse(spec, "--input-format", value, InputFormat.values(), InputFormat::label);
  }

  private WriteMode mode = WriteMode.ERROR;

  @Option(order = 3, names = "--mode", paramLabel = "MODE",
      description = "What to do when the table exists: error (the default), append, overwrite or ignore.")
  void mode(String value) {
    mode = Choices.parse(spec, "--mode", value, WriteMode.values(), m -> m.name().toLowerCase(Locale.ROOT));
  }

  @Option(order = 4, names = "--partition-by", paramLabel = "COLS",
      description = "Comma-separated partition columns of a table to create.")
  String partitionBy;

  @Option(order = 5, names = "--where", paramLabel = "EXPR",
      description = "With --mode overwrite: replace only the rows this SQL filter covers; every row "
          + "written must match it.")
  String where;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SchemaSource schemaSource;

  /** At most one of {@code --create-schema} and {@code --infer-schema}. */
  static final class SchemaSource {
    @Option(order = 6, names = "--create-schema", paramLabel = "SCHEMA_JSON",
        description = "The schema, as Delta schema JSON ('schema --format json' prints it) or @FILE holding it.")
    String json;

    @Option(order = 7, names = "--infer-schema",
        description = "Infer the schema from the input: jsonl and csv from their first 1,000 records "
            + "(whole numbers long, other numbers double, true/false boolean, csv also YYYY-MM-DD date and "
            + "timestamps, the rest string), parquet from its footer. Columns the table has keep their "
            + "types. Without either option, the existing table's schema is used.")
    boolean infer;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SchemaChange schemaChange;

  /** At most one of {@code --merge-schema} and {@code --overwrite-schema}. */
  static final class SchemaChange {
    @Option(order = 8, names = "--merge-schema", description = "Add the input's new columns to the table (nullable).")
    boolean merge;

    @Option(order = 9, names = "--overwrite-schema",
        description = "With --mode overwrite: replace the table's schema and partitioning too.")
    boolean overwrite;
  }

  @Option(order = 10, names = "--txn", paramLabel = "APP:VERSION", converter = TransactionId.Converter.class,
      description = "Write exactly once: skipped if APP already committed VERSION or a later one.")
  TransactionId txn;

  @Option(order = 11, names = "--user-metadata", paramLabel = "TEXT", description = "Text recorded in the commit.")
  String userMetadata;

  private OutputFormat format = OutputFormat.TABLE;

  @Option(order = 12, names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
  void format(String value) {
    format = OutputFormat.parse(spec, value, OutputFormat.TABLE, OutputFormat.JSON);
  }

  @Override
  public Integer call() {
    checkCombinations();
    InputFormat fmt = inputFormat != null ? inputFormat : InputFormat.ofFileName(input).orElseThrow(() ->
        new ParameterException(spec.commandLine(), "Missing option '--input-format': the name '" + input
            + "' does not tell the format. Give --input-format jsonl, csv or parquet."));
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), System.console() != null, System::nanoTime);
    CommitResult result;
    try (LakeSession session = LakeSession.open(main)) {
      DeltaLake lake = session.lake();
      Input source = Input.of(fmt, input, lake);
      StructType schema = new SchemaChoice(spec, table).choose(lake, source,
          schemaSource == null ? null : schemaSource.json, schemaSource != null && schemaSource.infer, overwriteSchema());
      Write write = lake.write(table).mode(mode).schema(schema);
      configure(write);
      try (InputRows rows = new InputRows(source, schema, progress)) {
        result = write.rows(rows).commit();
      } finally {
        progress.finish();
      }
    }
    if (format == OutputFormat.JSON) {
      CommitReport.json(out, result);
    } else {
      CommitReport.table(out, result);
    }
    return 0;
  }

  private void configure(Write write) {
    if (partitionBy != null) {
      write.partitionBy(ColumnList.parse(spec, "--partition-by", partitionBy, "region,year").toArray(String[]::new));
    }
    if (where != null) {
      write.where(where);
    }
    if (schemaChange != null && schemaChange.merge) {
      write.mergeSchema();
    }
    if (overwriteSchema()) {
      write.overwriteSchema();
    }
    if (txn != null) {
      write.transaction(txn.app(), txn.version());
    }
    if (userMetadata != null) {
      write.userMetadata(userMetadata);
    }
  }

  private void checkCombinations() {
    if (where != null && mode != WriteMode.OVERWRITE) {
      throw new ParameterException(spec.commandLine(), "Option '--where' needs '--mode overwrite' (the mode is "
          + mode.name().toLowerCase(Locale.ROOT) + ").");
    }
    if (overwriteSchema() && (mode != WriteMode.OVERWRITE || where != null)) {
      throw new ParameterException(spec.commandLine(),
          "Option '--overwrite-schema' needs '--mode overwrite' and no '--where'.");
    }
  }

  private boolean overwriteSchema() {
    return schemaChange != null && schemaChange.overwrite;
  }
}
