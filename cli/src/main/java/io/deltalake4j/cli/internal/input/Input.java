package io.deltalake4j.cli.internal.input;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.types.StructType;

/** An input file of one format: its inferred schema, and its rows typed by a schema. */
public interface Input {

  /**
   * The schema the first {@code sampleRows} records suggest (the footer's, for Parquet). Reads at
   * most that many records.
   */
  StructType inferSchema(int sampleRows);

  /**
   * The records as rows of {@code schema}, read lazily. Input columns are matched to the schema by
   * name; schema columns the input lacks are null; an input column the schema lacks is an error.
   */
  RowSource open(StructType schema);

  /**
   * @param file a local path for jsonl and csv; a path or URI (e.g. {@code hdfs://...}) for parquet
   * @param lake reads Parquet files
   */
  static Input of(InputFormat format, String file, DeltaLake lake) {
    return switch (format) {
      case JSONL -> new JsonLinesInput(Inputs.localFile(file), file);
      case CSV -> new CsvInput(Inputs.localFile(file), file);
      case PARQUET -> new ParquetInput(lake, file);
    };
  }
}
