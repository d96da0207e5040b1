package io.deltalake4j.cli.internal;

import io.deltalake4j.Row;

/** Writes the rows of a scan in one output format. Not thread-safe. */
public interface RowWriter {

  void write(Row row);

  /** Writes whatever is still held back; call once, after the last row. */
  void finish();
}
