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

  /**
   * A list stored in the file as a LIST group, or a map as a MAP group, whose {@code element} is a
   * struct of key and value. Below {@code definitionLevel} it is null; at it, empty; from {@code
   * elementLevel} on it has an element. A repetition level of {@code repetitionLevel} continues it.
   */
  record Repeated(DataType type, ColumnPlan element, int definitionLevel, int elementLevel, int repetitionLevel)
      implements ColumnPlan {}

  /** A column the file does not have: null in every row. */
  record Missing(DataType type) implements ColumnPlan {}

  /** The row's index in the file (the row-index metadata column). */
  record RowIndex(DataType type) implements ColumnPlan {}

  /** True if the plan reads a list or a map anywhere in it. */
  static boolean repeats(ColumnPlan plan) {
    if (plan instanceof Repeated) {
      return true;
    }
    return plan instanceof Struct s && s.fields().stream().anyMatch(ColumnPlan::repeats);
  }
}
