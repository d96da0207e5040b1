package io.deltalake4j.cli.internal;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows as a {@link TextTable}: column names as the header, numbers right-aligned, long cells cut. */
public final class TableRowWriter implements RowWriter {

  /** The longest cell shown, in characters; use jsonl or csv for the full values. */
  public static final int MAX_CELL_WIDTH = 60;

  private final StructType schema;
  private final TextTable table;

  public TableRowWriter(PrintWriter out, StructType schema) {
    this.schema = schema;
    List<TextTable.Column> columns = new ArrayList<>(schema.size());
    for (StructField f : schema.fields()) {
      columns.add(DeltaText.isNumeric(f.type()) ? TextTable.Column.right(f.name()) : TextTable.Column.left(f.name()));
    }
    this.table = new TextTable(out, columns, MAX_CELL_WIDTH);
  }

  @Override
  public void write(Row row) {
    List<String> cells = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      cells.add(DeltaText.of(row.get(i), schema.field(i).type()));
    }
    table.add(cells);
  }

  @Override
  public void finish() {
    table.finish();
  }
}
