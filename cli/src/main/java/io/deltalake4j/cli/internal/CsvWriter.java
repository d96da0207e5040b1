package io.deltalake4j.cli.internal;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** CSV per {@link Csv}: a header of column names, then one record per row in {@link DeltaText}. */
public final class CsvWriter implements RowWriter {

  private final PrintWriter out;
  private final StructType schema;

  /** Writes the header at once. */
  public CsvWriter(PrintWriter out, StructType schema) {
    this.out = out;
    this.schema = schema;
    out.print(Csv.record(schema.fieldNames()));
    out.print(Csv.EOL);
  }

  @Override
  public void write(Row row) {
    List<String> fields = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      fields.add(DeltaText.of(row.get(i), schema.field(i).type()));
    }
    out.print(Csv.record(fields));
    out.print(Csv.EOL);
  }

  @Override
  public void finish() {
    out.flush();
  }
}
