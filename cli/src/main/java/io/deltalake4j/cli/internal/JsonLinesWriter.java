package io.deltalake4j.cli.internal;

import io.deltalake4j.Row;
import java.io.PrintWriter;

/** JSON Lines: one {@link DeltaJson} object per row, keys in schema order, each ended by LF. */
public final class JsonLinesWriter implements RowWriter {

  private final PrintWriter out;

  public JsonLinesWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(Row row) {
    out.print(DeltaJson.row(row));
    out.print('\n');
  }

  @Override
  public void finish() {
    out.flush();
  }
}
