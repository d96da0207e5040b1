package io.deltalake4j.filter;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A reference to a column, possibly nested in structs, with the DSL's comparison methods. Values
 * are Java values of the column's type (see {@link io.deltalake4j.types.DataType}); numbers may be
 * given as any integral or decimal type and strings are accepted for dates and timestamps.
 */
public final class Column {

  private final List<String> path;

  private Column(List<String> path) {
    if (path.isEmpty() || path.stream().anyMatch(p -> p == null || p.isEmpty())) {
      throw new IllegalArgumentException("Invalid column name: " + path);
    }
    this.path = List.copyOf(path);
  }

  /** A column by its path of names: {@code of("address", "city")}. */
  public static Column of(String... path) {
    return new Column(Arrays.asList(path));
  }

  /** A column by a dotted name: {@code "address.city"}. */
  public static Column parse(String dottedName) {
    Objects.requireNonNull(dottedName, "column name");
    return new Column(Arrays.asList(dottedName.split("\\.", -1)));
  }

  /** The names from the top-level column down to the field. */
  public List<String> path() {
    return path;
  }

  /** The dotted name. */
  public String name() {
    return String.join(".", path);
  }

  public Filter eq(Object value) {
    return new Filter.Comparison(this, Filter.Op.EQ, value);
  }

  public Filter ne(Object value) {
    return new Filter.Comparison(this, Filter.Op.NE, value);
  }

  public Filter lt(Object value) {
    return new Filter.Comparison(this, Filter.Op.LT, value);
  }

  public Filter le(Object value) {
    return new Filter.Comparison(this, Filter.Op.LE, value);
  }

  public Filter gt(Object value) {
    return new Filter.Comparison(this, Filter.Op.GT, value);
  }

  public Filter ge(Object value) {
    return new Filter.Comparison(this, Filter.Op.GE, value);
  }

  public Filter isNull() {
    return new Filter.IsNull(this);
  }

  public Filter isNotNull() {
    return new Filter.IsNotNull(this);
  }

  public Filter in(Object... values) {
    return new Filter.In(this, Arrays.asList(values));
  }

  public Filter in(Collection<?> values) {
    return new Filter.In(this, new java.util.ArrayList<>(values));
  }

  /** {@code low <= column AND column <= high}. */
  public Filter between(Object low, Object high) {
    return ge(low).and(le(high));
  }

  public Filter startsWith(String prefix) {
    return new Filter.StartsWith(this, prefix);
  }

  public Filter like(String pattern) {
    return new Filter.Like(this, pattern);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && path.equals(c.path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return FilterText.column(this);
  }
}
