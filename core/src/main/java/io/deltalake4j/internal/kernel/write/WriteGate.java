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
    if (removesData && "true".equalsIgnoreCase(properties.getOrDefault("delta.enableChangeDataFeed", "false"))) {
      // Spark writes the rows an overwrite changes to _change_data files; Kernel refuses a commit
      // that adds and removes data on such a table only after the data files are written.
      throw new UnsupportedFeatureException("Cannot overwrite data in table " + location + ": it has change data "
          + "feed on (delta.enableChangeDataFeed = true), and deltalake4j does not write change data files yet. "
          + "Nothing was written. Appends work; overwrite with Spark.");
    }
    if (removesData && "true".equalsIgnoreCase(properties.getOrDefault("delta.appendOnly", "false"))) {
      throw new UnsupportedFeatureException("Cannot overwrite data in table " + location + ": it is append-only "
          + "(delta.appendOnly = true). Append to it instead, or unset the property with Spark.");
    }
  }

  private static UnsupportedFeatureException refused(String location, String what, String feature, String orElse) {
    return new UnsupportedFeatureException("Cannot write to table " + location + ": " + what + ", which deltalake4j "
        + "does not enforce yet (table feature " + feature + "). Nothing was written. Write with Spark"
        + (orElse.isEmpty() ? "" : ", " + orElse) + ".");
  }
}
