package io.deltalake4j.internal.kernel;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.In;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Float and double comparisons with Spark SQL's semantics, expressed over Kernel's total order.
 * Kernel compares with {@code Double.compare}, where NaN equals NaN and sorts above every number, as
 * in Spark, but where -0.0 sorts below 0.0; Spark holds them equal. And a float column compared with
 * a double that no float equals (the binder leaves such a literal as a {@code Double}) must compare
 * against the floats on either side of it. Both rewrites keep SQL null semantics and stay usable for
 * min/max skipping.
 */
final class FloatingComparisons {
  private FloatingComparisons() {}

  /** {@code column op value} rewritten, or empty when Kernel's plain comparison is already exact. */
  static Optional<Predicate> compare(Filter.Op op, Column column, Object value, PrimitiveType type) {
    if (type == PrimitiveType.FLOAT && value instanceof Double d) {
      return Optional.of(betweenFloats(op, column, d));
    }
    if ((value instanceof Double || value instanceof Float) && ((Number) value).doubleValue() == 0) {
      return Optional.of(zero(op, column, type));
    }
    return Optional.empty();
  }

  /**
   * {@code column IN values}: a zero matches both zeros, and a double that no float equals can never
   * match a float column. When nothing is left to match, the predicate is false for every value and
   * null for null.
   */
  static Predicate in(Column column, List<Object> values, PrimitiveType type) {
    List<Expression> literals = new ArrayList<>();
    for (Object v : values) {
      if (type == PrimitiveType.FLOAT && v instanceof Double) {
        continue;
      }
      if (v != null && ((Number) v).doubleValue() == 0) {
        literals.add(number(-0.0, type));
        literals.add(number(0.0, type));
      } else {
        literals.add(KernelPredicates.literal(v, type));
      }
    }
    if (literals.isEmpty()) {
      return new Predicate("<", column, number(Double.NEGATIVE_INFINITY, type));
    }
    return new In(column, literals);
  }

  private static Predicate betweenFloats(Filter.Op op, Column column, double d) {
    float nearest = (float) d;
    float below = (double) nearest < d ? nearest : Math.nextDown(nearest);
    float above = (double) nearest > d ? nearest : Math.nextUp(nearest);
    Literal lo = Literal.ofFloat(below);
    Literal hi = Literal.ofFloat(above);
    Predicate equal = new And(new Predicate(">", column, lo), new Predicate("<", column, hi));
    return switch (op) {
      case EQ -> equal;
      case NE -> new Predicate("NOT", equal);
      case LT, LE -> new Predicate("<", column, hi);
      case GT, GE -> new Predicate(">", column, lo);
    };
  }

  private static Predicate zero(Filter.Op op, Column column, PrimitiveType type) {
    Literal negative = number(-0.0, type);
    Literal positive = number(0.0, type);
    Predicate equal = new And(new Predicate(">=", column, negative), new Predicate("<=", column, positive));
    return switch (op) {
      case EQ -> equal;
      case NE -> new Predicate("NOT", equal);
      case LT -> new Predicate("<", column, negative);
      case LE -> new Predicate("<=", column, positive);
      case GT -> new Predicate(">", column, positive);
      case GE -> new Predicate(">=", column, negative);
    };
  }

  private static Literal number(double v, PrimitiveType type) {
    return type == PrimitiveType.FLOAT ? Literal.ofFloat((float) v) : Literal.ofDouble(v);
  }
}
