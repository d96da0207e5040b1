package io.deltalake4j.internal.kernel.write;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code operationMetrics} Spark records for a write: counts as decimal strings. */
final class OperationMetrics {
  private OperationMetrics() {}

  static Map<String, String> written(DataFileWriter files, TableWrites.Replaced replaced, boolean removing) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("numFiles", Long.toString(files.files()));
    m.put("numOutputRows", Long.toString(files.rows()));
    m.put("numOutputBytes", Long.toString(files.bytes()));
    if (removing) {
      m.put("numRemovedFiles", Long.toString(replaced.removes().size()));
      m.put("numRemovedBytes", Long.toString(replaced.removedBytes()));
    }
    if (replaced.rewritten()) {
      m.put("numCopiedRows", Long.toString(replaced.rowsCopied()));
      m.put("numDeletedRows", Long.toString(replaced.rowsDeleted()));
    }
    return m;
  }
}
