package io.deltalake4j;

import io.deltalake4j.internal.kernel.TableWriter;
import java.util.Map;

/**
 * Appends rows to a table's latest version in one commit. Rows are split by partition values and
 * written as compressed Parquet with statistics. Nothing is committed until {@link #commit()};
 * if it fails, no data is added. Not thread-safe; use once.
 */
public final class Append {

  private final DeltaLake lake;
  private final DeltaTable table;
  private final CreateTable.RowSource rows = new CreateTable.RowSource();

  Append(DeltaLake lake, DeltaTable table) {
    this.lake = lake;
    this.table = table;
  }

  /** Rows to append; each must have the table's columns and types. */
  public Append rows(Iterable<? extends Row> rows) {
    this.rows.addRows(rows);
    return this;
  }

  /** Rows as maps of column name to value, checked against the table schema; absent columns are null. */
  public Append maps(Iterable<? extends Map<String, ?>> maps) {
    this.rows.addMaps(maps);
    return this;
  }

  /**
   * Commits the append.
   *
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if a row does not fit the table;
   *     nothing is committed and any files already written are removed
   */
  public CommitResult commit() {
    lake.checkOpen();
    DeltaTable latest = table.refresh();
    return TableWriter.append(latest.snapshot(), rows.iterator(latest.schema()));
  }
}
