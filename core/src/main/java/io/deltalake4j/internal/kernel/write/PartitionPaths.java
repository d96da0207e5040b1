package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.MapValue;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.util.PartitionUtils;
import io.deltalake4j.exceptions.DeltaException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The directories of partitions, named as Spark names them: {@code name=value} segments with the
 * characters Spark escapes in both written as {@code %XX}. Kernel escapes only values, so a table
 * whose log names a partition column {@code ../../x} would have its files written outside the
 * table; here such names are escaped, and every file a write creates is checked to lie under the
 * table.
 */
final class PartitionPaths {
  private PartitionPaths() {}

  /** The value Spark writes for a null partition value. */
  static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

  /** True if Spark writes {@code c} escaped in a partition directory's name. */
  static boolean escaped(char c) {
    return (c >= 0x01 && c <= 0x1F) || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (escaped(c)) {
        out.append('%').append(String.format("%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The directory for one partition: Kernel's, which names it exactly as Spark does, unless a
   * partition column's name holds characters Spark escapes; then built here the same way with the
   * name escaped too.
   *
   * @param kernelDirectory the directory Kernel's write context gives, URI-encoded
   */
  static String directory(String root, String kernelDirectory, List<String> columns, Map<String, Literal> values) {
    if (columns.stream().noneMatch(c -> c.chars().anyMatch(ch -> escaped((char) ch)))) {
      // Kernel hands the directory out URI-encoded (p=a%2520b) but writes to it as a plain path.
      return new Path(URI.create(kernelDirectory)).toString();
    }
    MapValue serialized = PartitionUtils.serializePartitionMap(values);
    StringBuilder dir = new StringBuilder(root);
    for (String column : columns) {
      String value = null;
      for (int i = 0; i < serialized.getSize(); i++) {
        if (serialized.getKeys().getString(i).equals(column)) {
          value = serialized.getValues().isNullAt(i) ? null : serialized.getValues().getString(i);
        }
      }
      dir.append('/').append(escape(column)).append('=')
          .append(value == null || value.isEmpty() ? NULL_VALUE : escape(value));
    }
    return dir.toString();
  }

  /** Refuses a file outside {@code root}, before it is created. */
  static void requireUnder(String root, String file) {
    URI r = new Path(root).toUri().normalize();
    URI f = new Path(file).toUri().normalize();
    String rootPath = r.getPath().endsWith("/") ? r.getPath() : r.getPath() + "/";
    boolean under = java.util.Objects.equals(r.getScheme(), f.getScheme())
        && java.util.Objects.equals(r.getAuthority(), f.getAuthority())
        && f.getPath().startsWith(rootPath)
        && !f.getPath().contains("/../");
    if (!under) {
      throw new DeltaException("Cannot write to table " + root + ": the file " + file + " would lie outside the table. "
          + "Nothing was committed. Check the table's partition columns in its log.");
    }
  }
}
