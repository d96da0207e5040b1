package io.deltalake4j.arrow.internal.kernel.parquet;

import io.delta.kernel.types.DataType;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;

/** How one requested column (or struct field) is produced from a Parquet file. */
sealed interface ColumnPlan {

  /** The Kernel type the column is read as. */
  DataType type();

  /** A primitive column stored in the file: {@code kind} says how its values convert. */
  record Leaf(DataType type, ColumnDescriptor column, ValueKind kind) implements ColumnPlan {}

  /** A struct stored in the file; it is defined when its first leaf's level reaches {@code definitionLevel}. */
  record Struct(DataType type, List<ColumnPlan> fields, int definitionLevel) implements ColumnPlan {}

  /** A column the file does not have: null in every row. */
  record Missing(DataType type) implements ColumnPlan {}

  /** The row's index in the file (the row-index metadata column). */
  record RowIndex(DataType type) implements ColumnPlan {}
}
