package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.deltalake4j.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kernel columnar batch of column vectors of any kind (over our rows, over Arrow vectors), with
 * the column edits Kernel's transforms make.
 */
public final class VectorBatch implements ColumnarBatch {

  private final StructType schema;
  private final List<ColumnVector> columns;
  private final int size;

  /** The vectors must each hold {@code size} values, in the schema's column order. */
  public VectorBatch(StructType schema, List<ColumnVector> columns, int size) {
    this.schema = schema;
    this.columns = columns;
    this.size = size;
  }

  /** A batch over our rows, whose values must follow {@code schema}'s column order and types. */
  public static VectorBatch ofRows(StructType schema, List<Row> rows) {
    List<ColumnVector> columns = new ArrayList<>(schema.length());
    for (int c = 0; c < schema.length(); c++) {
      List<Object> values = new ArrayList<>(rows.size());
      for (Row r : rows) {
        values.add(r.get(c));
      }
      columns.add(new ValueVector(schema.at(c).getDataType(), values));
    }
    return new VectorBatch(schema, columns, rows.size());
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return columns.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> cols = new ArrayList<>(columns);
    cols.remove(ordinal);
    return new VectorBatch(new StructType(fields), cols, size);
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> cols = new ArrayList<>(columns);
    cols.add(ordinal, vector);
    return new VectorBatch(new StructType(fields), cols, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    if (newSchema.length() != columns.size()) {
      throw new IllegalArgumentException("Schema has " + newSchema.length() + " fields for " + columns.size() + " columns");
    }
    return new VectorBatch(newSchema, columns, size);
  }
}
