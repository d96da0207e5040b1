package io.deltalake4j.filter;

import io.deltalake4j.internal.filter.FilterParser;
import java.util.List;
import java.util.Objects;

/**
 * A row filter: a tree of comparisons over columns joined by AND, OR and NOT, with SQL semantics
 * (a comparison with null is unknown, and unknown never matches).
 *
 * <p>Build one with the DSL, {@code col("region").eq("us-east").and(col("price").ge(100))}, or parse
 * SQL text with {@link #parse(String)}. Filters are immutable values; {@link #toString()} gives SQL
 * text that {@link #parse} reads back. Literal values are checked against the column types when a
 * scan uses the filter: a literal that does not fit its column fails with
 * {@link io.deltalake4j.exceptions.InvalidFilterException}.
 */
public sealed interface Filter
    permits Filter.And, Filter.Or, Filter.Not, Filter.Comparison, Filter.IsNull, Filter.IsNotNull,
        Filter.In, Filter.StartsWith, Filter.Like {

  /**
   * A column reference. A dotted name ({@code "address.city"}) refers to a field of a struct
   * column; use {@link Column#of(String...)} for names that themselves contain dots.
   */
  static Column col(String name) {
    return Column.parse(name);
  }

  /**
   * Parses a filter in this SQL subset: {@code = != <> < <= > >=}; {@code AND OR NOT} and
   * parentheses; {@code IN (...)}; {@code IS [NOT] NULL}; {@code BETWEEN a AND b}; {@code LIKE
   * 'pattern'}; literals 42, -1.5, 'text' ('' for a quote), DATE 'YYYY-MM-DD', TIMESTAMP
   * 'YYYY-MM-DD HH:MM:SS[.ffffff]', TRUE, FALSE, NULL; column names bare or `backquoted`, nested
   * as a.b. Keywords are case-insensitive; column names are not.
   *
   * @throws io.deltalake4j.exceptions.InvalidFilterException with the position of the error
   */
  static Filter parse(String text) {
    return FilterParser.parse(text);
  }

  static Filter and(Filter left, Filter right) {
    return new And(left, right);
  }

  static Filter or(Filter left, Filter right) {
    return new Or(left, right);
  }

  static Filter not(Filter child) {
    return new Not(child);
  }

  /** This filter AND another. */
  default Filter and(Filter other) {
    return new And(this, other);
  }

  /** This filter OR another. */
  default Filter or(Filter other) {
    return new Or(this, other);
  }

  /** NOT this filter. */
  default Filter negate() {
    return new Not(this);
  }

  /** The comparison operators. */
  enum Op {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** Both sides hold. */
  record And(Filter left, Filter right) implements Filter {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** Either side holds. */
  record Or(Filter left, Filter right) implements Filter {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** The child is false (unknown stays unknown). */
  record Not(Filter child) implements Filter {
    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /**
   * {@code column op value}. A null value makes the comparison unknown for every row, as in SQL.
   */
  record Comparison(Column column, Op op, Object value) implements Filter {
    public Comparison {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** The column is null. */
  record IsNull(Column column) implements Filter {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** The column is not null. */
  record IsNotNull(Column column) implements Filter {
    public IsNotNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** The column equals one of the values (SQL IN: a null in the list never matches). */
  record In(Column column, List<Object> values) implements Filter {
    public In {
      Objects.requireNonNull(column, "column");
      if (values.isEmpty()) {
        throw new IllegalArgumentException("Invalid IN filter on " + column + ": no values");
      }
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** A string column starts with the prefix (the same as {@code LIKE 'prefix%'}). */
  record StartsWith(Column column, String prefix) implements Filter {
    public StartsWith {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }

  /** SQL LIKE: {@code %} matches any run of characters, {@code _} exactly one. */
  record Like(Column column, String pattern) implements Filter {
    public Like {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String toString() {
      return FilterText.of(this);
    }
  }
}
