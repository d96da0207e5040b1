package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.cli.internal.input.Input;
import io.deltalake4j.cli.internal.input.InputException;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The schema a {@code write} uses: the one given with {@code --create-schema}, the one inferred
 * with {@code --infer-schema} (where the table has a column, its type wins, unless the schema is
 * being overwritten), or else the existing table's.
 */
final class SchemaChoice {

  private final CommandSpec spec;
  private final String table;

  SchemaChoice(CommandSpec spec, String table) {
    this.spec = spec;
    this.table = table;
  }

  /** @param json the {@code --create-schema} value (schema JSON or {@code @FILE}), or null */
  StructType choose(DeltaLake lake, Input input, String json, boolean infer, boolean overwriteSchema) {
    if (json != null) {
      return StructType.fromJson(json.startsWith("@") ? readFile(json.substring(1)) : json);
    }
    StructType existing = lake.exists(table) ? lake.table(table).schema() : null;
    if (infer) {
      StructType inferred = input.inferSchema(WriteCommand.SAMPLE_ROWS);
      return existing == null || overwriteSchema ? inferred : withTableTypes(existing, inferred);
    }
    if (existing == null) {
      throw new ParameterException(spec.commandLine(), "No Delta table exists at " + table
          + ", so the write needs a schema to create one: give --create-schema SCHEMA_JSON or --infer-schema.");
    }
    return existing;
  }

  /** The table's columns as they are, then the input's new ones with their inferred types. */
  static StructType withTableTypes(StructType table, StructType inferred) {
    StructType.Builder b = StructType.builder();
    table.fields().forEach(b::add);
    for (StructField f : inferred.fields()) {
      if (table.indexOf(f.name()) < 0) {
        b.add(f);
      }
    }
    return b.build();
  }

  private static String readFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InputException("Cannot read schema file " + file + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "it does not exist" : e.toString())
          + ". Give --create-schema the schema JSON, or @ and the path of a file holding it.", e);
    }
  }
}
