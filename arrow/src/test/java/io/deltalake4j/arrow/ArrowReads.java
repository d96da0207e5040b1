package io.deltalake4j.arrow;

import io.deltalake4j.Row;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** A scan read through Arrow in a test: its rows and its batch sizes. */
final class ArrowReads {
  private ArrowReads() {}

  record Read(List<Row> rows, List<Integer> batchSizes) {}

  static Read read(ArrowScan scan, StructType schema, BufferAllocator allocator) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    try (ArrowReader reader = scan.open(allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        sizes.add(root.getRowCount());
        rows.addAll(ArrowRows.of(root, schema));
      }
    }
    return new Read(rows, sizes);
  }
}
