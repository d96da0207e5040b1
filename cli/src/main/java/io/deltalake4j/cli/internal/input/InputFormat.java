package io.deltalake4j.cli.internal.input;

import java.util.Locale;
import java.util.Optional;

/** The formats {@code write --input-format} reads. */
public enum InputFormat {
  /** One JSON object per line (JSON Lines, NDJSON). */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** One Parquet file. */
  PARQUET;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a file name's extension suggests: .jsonl, .ndjson, .json, .csv, .parquet. */
  public static Optional<InputFormat> ofFileName(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return name.endsWith(".parquet") ? Optional.of(PARQUET) : Optional.empty();
  }
}
