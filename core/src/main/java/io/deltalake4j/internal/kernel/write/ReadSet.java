package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.internal.kernel.KernelErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live files of one version that may hold rows a predicate covers (all files without one),
 * after partition pruning and min/max skipping: what an overwrite replaces, and what it must find
 * unchanged when it commits. If another writer's commit added a file that may hold covered rows,
 * or removed one of these, the read set at the new version differs, and the overwrite conflicts.
 */
final class ReadSet {

  private final Map<String, Row> filesByPath;

  private ReadSet(Map<String, Row> filesByPath) {
    this.filesByPath = filesByPath;
  }

  /** @param predicate a predicate over the table's logical columns, or null for every file */
  static ReadSet of(Snapshot snapshot, Engine engine, Predicate predicate) {
    ScanBuilder builder = snapshot.getScanBuilder();
    if (predicate != null) {
      builder = builder.withFilter(predicate);
    }
    Scan scan = builder.build();
    Map<String, Row> files = new LinkedHashMap<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine, true /* with stats */)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row scanFile = rows.next();
            files.put(key(scanFile), scanFile);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("list the files of table " + snapshot.getPath(), e);
    }
    return new ReadSet(files);
  }

  /**
   * A live file is its path and its deletion vector: a DELETE or UPDATE with deletion vectors
   * replaces {@code (p, dv0)} by {@code (p, dv1)}, which changes the data under the same path.
   */
  private static String key(Row scanFile) {
    String dv = FileActions.deletionVectorId(scanFile);
    return dv == null ? FileActions.path(scanFile) : FileActions.path(scanFile) + " (deletion vector " + dv + ")";
  }

  /** The scan-file rows, in listing order. */
  List<Row> files() {
    return new ArrayList<>(filesByPath.values());
  }

  /** True if both hold exactly the same files. */
  boolean sameFilesAs(ReadSet other) {
    return filesByPath.keySet().equals(other.filesByPath.keySet());
  }

  /** Paths in one set but not the other, for a conflict message (at most {@code max}). */
  List<String> difference(ReadSet other, int max) {
    List<String> out = new ArrayList<>();
    for (String p : filesByPath.keySet()) {
      if (!other.filesByPath.containsKey(p) && out.size() < max) {
        out.add("removed " + p);
      }
    }
    for (String p : other.filesByPath.keySet()) {
      if (!filesByPath.containsKey(p) && out.size() < max) {
        out.add("added " + p);
      }
    }
    return out;
  }
}
