package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.internal.kernel.ValueVector;
import io.deltalake4j.internal.kernel.VectorBatch;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The schema an update writes with, and how the rows given reach it.
 *
 * @param table the table's schema now
 * @param schema the schema the commit leaves the table with
 * @param partitionColumns the partition columns the commit leaves the table with
 * @param rowSchema the schema of the rows given
 * @param newPartitioning the new partition columns under overwriteSchema, else null
 */
record TargetSchema(
    StructType table, StructType schema, List<String> partitionColumns, StructType rowSchema, List<String> newPartitioning) {

  static TargetSchema of(String location, Snapshot latest, WriteSpec spec) {
    StructType table = Schemas.fromKernel(latest.getSchema(), location);
    List<String> partitions = List.copyOf(latest.getPartitionColumnNames());
    switch (spec.schemaChange()) {
      case OVERWRITE -> {
        List<String> newPartitions = spec.partitionColumns() == null ? List.of() : spec.partitionColumns();
        String what = "Cannot overwrite the schema of table " + location + ": ";
        NewTables.validate(what, spec.schema(), newPartitions);
        SchemaMerge.checkNewColumns(spec.schema().fields(), new java.util.HashSet<>(), false, what);
        return new TargetSchema(table, spec.schema(), newPartitions, spec.schema(), newPartitions);
      }
      case MERGE -> {
        requireSamePartitioning(location, spec, partitions);
        StructType merged = SchemaMerge.merge(table, spec.schema(), location);
        return new TargetSchema(table, merged, partitions, spec.schema(), null);
      }
      default -> {
        requireSamePartitioning(location, spec, partitions);
        if (spec.schema() != null && !RowChecker.sameColumns(spec.schema(), table)) {
          throw new SchemaMismatchException(
              "Cannot write to table " + location + ": the schema given " + RowChecker.describe(spec.schema())
                  + " differs from the table's " + RowChecker.describe(table)
                  + ". Match it, or allow new columns with mergeSchema (or replace it with overwriteSchema).");
        }
        return new TargetSchema(table, table, partitions, table, null);
      }
    }
  }

  private static void requireSamePartitioning(String location, WriteSpec spec, List<String> partitions) {
    if (spec.partitionColumns() != null && !spec.partitionColumns().equals(partitions)) {
      throw new SchemaMismatchException(
          "Cannot write to table " + location + ": it is partitioned by " + partitions + ", not "
              + spec.partitionColumns() + ". Leave partitionBy out, or change the partitioning with overwriteSchema.");
    }
  }

  /**
   * The Kernel schema to commit: under mergeSchema the table's own fields as the log holds them
   * (their metadata untouched) followed by the new ones; under overwriteSchema the new schema.
   */
  io.delta.kernel.types.StructType kernelSchema(Snapshot latest) {
    if (newPartitioning != null) {
      return Schemas.toKernel(schema);
    }
    io.delta.kernel.types.StructType k = latest.getSchema();
    for (io.deltalake4j.types.StructField f : schema.fields()) {
      if (table.indexOf(f.name()) < 0) {
        k = k.add(Schemas.toKernel(StructType.of(f)).at(0));
      }
    }
    return k;
  }

  /** True if the commit changes the schema or the partitioning. */
  boolean changed() {
    return !schema.equals(table) || newPartitioning != null;
  }

  /** What the write was given, typed by {@link #rowSchema}. */
  WriteInput input(WriteSpec spec) {
    return spec.input().apply(rowSchema);
  }

  /** Checks what the write was given against {@link #rowSchema} and brings it to {@link #schema}. */
  InputShaping shaping(String location) {
    StructType checked = strictest(rowSchema, schema);
    return new InputShaping(new RowChecker(checked, location), new BatchChecker(checked, location),
        rowProjection(), batchProjection());
  }

  /**
   * The rows' schema with NOT NULL wherever either schema has it, so that a schema given to
   * mergeSchema cannot loosen the table's columns.
   */
  private static StructType strictest(StructType given, StructType written) {
    List<io.deltalake4j.types.StructField> fields = new ArrayList<>(given.size());
    for (io.deltalake4j.types.StructField f : given.fields()) {
      int i = written.indexOf(f.name());
      if (i < 0) {
        fields.add(f);
        continue;
      }
      io.deltalake4j.types.StructField w = written.field(i);
      fields.add(new io.deltalake4j.types.StructField(
          f.name(), strictest(f.type(), w.type()), f.nullable() && w.nullable(), f.metadata()));
    }
    return StructType.of(fields);
  }

  private static DataType strictest(DataType given, DataType written) {
    if (given instanceof StructType g && written instanceof StructType w) {
      return strictest(g, w);
    }
    if (given instanceof ArrayType g && written instanceof ArrayType w) {
      return new ArrayType(strictest(g.elementType(), w.elementType()), g.containsNull() && w.containsNull());
    }
    if (given instanceof MapType g && written instanceof MapType w) {
      return new MapType(strictest(g.keyType(), w.keyType()), strictest(g.valueType(), w.valueType()),
          g.valueContainsNull() && w.valueContainsNull());
    }
    return given;
  }

  /** Brings a checked row of {@link #rowSchema} to {@link #schema}: columns by name, new ones null. */
  private UnaryOperator<Row> rowProjection() {
    if (rowSchema.equals(schema)) {
      return UnaryOperator.identity();
    }
    int[] source = sources();
    return row -> {
      Object[] values = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        values[i] = source[i] < 0 ? null : row.get(source[i]);
      }
      return new ArrayRow(schema, values);
    };
  }

  /** Brings a checked batch of {@link #rowSchema} to {@link #schema}, as {@link #rowProjection} does rows. */
  private UnaryOperator<ColumnarBatch> batchProjection() {
    if (rowSchema.equals(schema)) {
      return UnaryOperator.identity();
    }
    int[] source = sources();
    io.delta.kernel.types.StructType kernel = Schemas.toKernel(schema);
    return batch -> {
      List<ColumnVector> columns = new ArrayList<>(source.length);
      for (int i = 0; i < source.length; i++) {
        columns.add(source[i] >= 0 ? batch.getColumnVector(source[i])
            : new ValueVector(kernel.at(i).getDataType(), Collections.nCopies(batch.getSize(), null)));
      }
      return new VectorBatch(kernel, columns, batch.getSize());
    };
  }

  /** For each column of {@link #schema}, its index in {@link #rowSchema}, or -1 if new. */
  private int[] sources() {
    int[] source = new int[schema.size()];
    for (int i = 0; i < source.length; i++) {
      source[i] = rowSchema.indexOf(schema.field(i).name());
    }
    return source;
  }
}
