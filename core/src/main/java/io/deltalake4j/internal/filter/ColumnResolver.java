package io.deltalake4j.internal.filter;

import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.filter.Column;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.List;
import java.util.Optional;

/** Finds a column's type in a schema, following nested paths through struct fields. */
final class ColumnResolver {
  private static final int MAX_LISTED = 30;

  private ColumnResolver() {}

  /**
   * The type of the column; names match exactly.
   *
   * @throws ColumnNotFoundException naming the column and the names that do exist
   */
  static DataType resolve(Column column, StructType schema) {
    List<String> path = column.path();
    StructType struct = schema;
    for (int i = 0; ; i++) {
      Optional<StructField> field = struct.field(path.get(i));
      if (field.isEmpty()) {
        throw notFound(column, schema, struct, i);
      }
      DataType type = field.get().type();
      if (i == path.size() - 1) {
        return type;
      }
      if (!(type instanceof StructType nested)) {
        throw new ColumnNotFoundException(
            "Cannot find column '" + column + "' in filter: '" + prefix(column, i) + "' is of type "
                + type.sql() + ", not a struct. Only fields of struct columns can follow a dot.");
      }
      struct = nested;
    }
  }

  private static ColumnNotFoundException notFound(
      Column column, StructType schema, StructType struct, int depth) {
    String where =
        depth == 0
            ? "the table has columns " + list(struct.fieldNames())
            : "struct '" + prefix(column, depth - 1) + "' has fields " + list(struct.fieldNames());
    return new ColumnNotFoundException(
        "Cannot find column '" + column + "' in filter: " + where + ". "
            + hint(column, schema, struct, depth));
  }

  private static String hint(Column column, StructType schema, StructType struct, int depth) {
    String dotted = column.name();
    if (column.path().size() > 1 && schema.field(dotted).isPresent()) {
      return "The table has a column named '" + dotted + "'; write it in backquotes, `"
          + dotted.replace("`", "``") + "`, or use Column.of(\"" + dotted + "\").";
    }
    String wanted = column.path().get(depth);
    for (String name : struct.fieldNames()) {
      if (name.equalsIgnoreCase(wanted)) {
        return "Did you mean '" + name + "'? Names are case-sensitive.";
      }
    }
    return "Check the spelling; names are case-sensitive.";
  }

  /** The column's path up to and including the given depth, as filter text. */
  private static String prefix(Column column, int depth) {
    return Column.of(column.path().subList(0, depth + 1).toArray(String[]::new)).toString();
  }

  private static String list(List<String> names) {
    if (names.size() <= MAX_LISTED) {
      return names.toString();
    }
    return names.subList(0, MAX_LISTED).toString().replaceAll("]$", "")
        + ", ... (" + (names.size() - MAX_LISTED) + " more)]";
  }
}
