package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every write checks of the table it writes to, whatever path it takes (append, overwrite,
 * schema evolution, a create that became an append): features whose rules a writer must enforce
 * and we do not yet. Kernel checks named writer features only on its public builders, and not the
 * rules legacy protocols imply (writer version 2: invariants, 3: CHECK constraints, 4: generated
 * columns), so the table's own metadata is read here.
 */
final class WriteGate {
  private WriteGate() {}

  static void requireWritable(String location, Snapshot table, boolean removesData) {
    Map<String, String> properties = table.getTableProperties();
    String constraints = properties.entrySet().stream()
        .filter(e -> e.getKey().startsWith("delta.constraints."))
        .map(e -> e.getKey().substring("delta.constraints.".length()) + " (" + e.getValue() + ")")
        .sorted().collect(Collectors.joining(", "));
    if (!constraints.isEmpty()) {
      throw refused(location, "it has CHECK constraints " + constraints, "checkConstraints", "or drop the constraints");
    }
    String schema = table.getSchema().toJson();
    if (schema.contains("\"delta.invariants\"")) {
      throw refused(location, "its schema has column invariants", "invariants", "or remove the invariants");
    }
    if (schema.contains("\"delta.generationExpression\"")) {
      throw refused(location, "it has generated columns", "generatedColumns", "");
    }
    if (removesData && "true".equalsIgnoreCase(properties.getOrDefault("delta.appendOnly", "false"))) {
      throw new UnsupportedFeatureException("Cannot overwrite data in table " + location + ": it is append-only "
          + "(delta.appendOnly = true). Append to it instead, or unset the property with Spark.");
    }
  }

  /**
   * Refuses a copy-on-write rewrite (the files holding rows an overwrite replaces are written again
   * without them) on a table with change data feed on: Spark writes the changed rows to
   * {@code _change_data} files then, and a rewrite without them would read, to change data readers,
   * as every kept row deleted and inserted again. Overwrites of whole files need no change files.
   */
  static void requireRewritable(String location, Snapshot table) {
    if ("true".equalsIgnoreCase(table.getTableProperties().getOrDefault("delta.enableChangeDataFeed", "false"))) {
      throw new UnsupportedFeatureException("Cannot overwrite rows of table " + location + " by predicate on data "
          + "columns: the table has change data feed on (delta.enableChangeDataFeed = true), and deltalake4j does "
          + "not write change data files yet. Nothing was written. Overwrite by partition columns only, or write with "
          + "Spark.");
    }
  }

  private static UnsupportedFeatureException refused(String location, String what, String feature, String orElse) {
    return new UnsupportedFeatureException("Cannot write to table " + location + ": " + what + ", which deltalake4j "
        + "does not enforce yet (table feature " + feature + "). Nothing was written. Write with Spark"
        + (orElse.isEmpty() ? "" : ", " + orElse) + ".");
  }
}
