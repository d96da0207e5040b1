package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.deltalake4j.Row;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.types.StructType;
import java.util.Iterator;
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
    StructType table = Schemas.fromKernel(latest.getSchema());
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

  /** The rows the write was given, typed by {@link #rowSchema}. */
  Iterator<Row> rows(WriteSpec spec) {
    return spec.rows().apply(rowSchema);
  }

  /** Brings a checked row of {@code from} to {@link #schema}: columns by name, new ones null. */
  UnaryOperator<Row> projection(StructType from) {
    if (from.equals(schema)) {
      return UnaryOperator.identity();
    }
    int[] source = new int[schema.size()];
    for (int i = 0; i < source.length; i++) {
      source[i] = from.indexOf(schema.field(i).name());
    }
    return row -> {
      Object[] values = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        values[i] = source[i] < 0 ? null : row.get(source[i]);
      }
      return new ArrayRow(schema, values);
    };
  }
}
