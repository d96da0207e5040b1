package io.deltalake4j.internal.filter;

import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.filter.Column;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a filter against a table schema and returns it with each literal as the canonical Java
 * value of its column's type (see {@link io.deltalake4j.types.DataType}), so that later stages
 * need not look at types again. Column names match exactly, as Delta stores them.
 *
 * <p>Null literals stay null. Columns of struct, array and map type can only be tested with IS
 * [NOT] NULL; LIKE and startsWith need string columns; variant columns cannot be filtered on.
 */
public final class FilterBinder {
  private FilterBinder() {}

  /**
   * The filter with every column resolved and every literal converted to its column's type.
   *
   * @throws ColumnNotFoundException if a column is not in the schema
   * @throws InvalidFilterException if a literal does not fit its column, or the column cannot be
   *     compared
   * @throws UnsupportedFeatureException if the filter uses a variant column
   */
  public static Filter bind(Filter filter, StructType schema) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(schema, "schema");
    return bindNode(filter, schema);
  }

  /** The distinct columns the filter references, in the order they appear. */
  public static List<Column> columns(Filter filter) {
    Set<Column> columns = new LinkedHashSet<>();
    collect(filter, columns);
    return List.copyOf(columns);
  }

  /** The distinct top-level column names the filter references, in the order they appear. */
  public static Set<String> topLevelColumns(Filter filter) {
    Set<String> names = new LinkedHashSet<>();
    for (Column column : columns(filter)) {
      names.add(column.path().get(0));
    }
    return Collections.unmodifiableSet(names);
  }

  private static Filter bindNode(Filter filter, StructType schema) {
    if (filter instanceof Filter.And and) {
      return new Filter.And(bindNode(and.left(), schema), bindNode(and.right(), schema));
    }
    if (filter instanceof Filter.Or or) {
      return new Filter.Or(bindNode(or.left(), schema), bindNode(or.right(), schema));
    }
    if (filter instanceof Filter.Not not) {
      return new Filter.Not(bindNode(not.child(), schema));
    }
    if (filter instanceof Filter.Comparison c) {
      DataType type = comparable(c.column(), schema);
      Object value = Coercion.coerce(c.column(), type, c.value());
      return new Filter.Comparison(c.column(), c.op(), value);
    }
    if (filter instanceof Filter.In in) {
      DataType type = comparable(in.column(), schema);
      List<Object> values = new ArrayList<>(in.values().size());
      for (Object value : in.values()) {
        values.add(Coercion.coerce(in.column(), type, value));
      }
      return new Filter.In(in.column(), values);
    }
    if (filter instanceof Filter.StartsWith s) {
      requireString(s.column(), schema, "startsWith");
    } else if (filter instanceof Filter.Like like) {
      requireString(like.column(), schema, "LIKE");
    } else {
      resolve(column(filter), schema);
    }
    return filter;
  }

  private static DataType resolve(Column column, StructType schema) {
    DataType type = ColumnResolver.resolve(column, schema);
    if (type == PrimitiveType.VARIANT) {
      throw new UnsupportedFeatureException(
          "Cannot filter on column '" + column + "': variant columns are not supported yet. "
              + "Filter on other columns, or filter the rows after reading them.");
    }
    return type;
  }

  /** The column's type, if values can be compared with it. */
  private static DataType comparable(Column column, StructType schema) {
    DataType type = resolve(column, schema);
    if (type instanceof PrimitiveType || type instanceof DecimalType) {
      return type;
    }
    String fix = "Test it with IS NULL or IS NOT NULL instead.";
    if (type instanceof StructType struct && struct.size() > 0) {
      List<String> field = new ArrayList<>(column.path());
      field.add(struct.field(0).name());
      fix = "Compare one of its fields, such as " + Column.of(field.toArray(String[]::new))
          + ", or test it with IS NULL or IS NOT NULL.";
    }
    throw new InvalidFilterException(
        "Cannot compare column '" + column + "' of type " + type.sql() + ": only columns of "
            + "primitive and decimal types can be compared with values. " + fix);
  }

  private static void requireString(Column column, StructType schema, String operator) {
    DataType type = resolve(column, schema);
    if (type != PrimitiveType.STRING) {
      throw new InvalidFilterException(
          "Cannot match column '" + column + "' of type " + type.sql() + " with " + operator
              + ": LIKE and startsWith need a string column. Compare it with =, <, > or IN "
              + "instead.");
    }
  }

  private static void collect(Filter filter, Set<Column> columns) {
    if (filter instanceof Filter.And and) {
      collect(and.left(), columns);
      collect(and.right(), columns);
    } else if (filter instanceof Filter.Or or) {
      collect(or.left(), columns);
      collect(or.right(), columns);
    } else if (filter instanceof Filter.Not not) {
      collect(not.child(), columns);
    } else {
      columns.add(column(filter));
    }
  }

  /** The column of a leaf filter (anything but AND, OR and NOT). */
  private static Column column(Filter leaf) {
    if (leaf instanceof Filter.Comparison c) {
      return c.column();
    } else if (leaf instanceof Filter.IsNull n) {
      return n.column();
    } else if (leaf instanceof Filter.IsNotNull n) {
      return n.column();
    } else if (leaf instanceof Filter.In in) {
      return in.column();
    } else if (leaf instanceof Filter.StartsWith s) {
      return s.column();
    } else if (leaf instanceof Filter.Like like) {
      return like.column();
    }
    throw new IllegalArgumentException("Not a leaf filter: " + leaf);
  }
}
