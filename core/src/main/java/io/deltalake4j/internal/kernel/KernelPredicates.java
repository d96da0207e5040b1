package io.deltalake4j.internal.kernel;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.In;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates a bound filter (columns resolved, literals already in their column's Java type) into
 * a Kernel predicate. The only place Kernel's operator names appear.
 */
public final class KernelPredicates {
  private KernelPredicates() {}

  public static Predicate toKernel(Filter f, StructType schema) {
    if (f instanceof Filter.And a) {
      return new And(toKernel(a.left(), schema), toKernel(a.right(), schema));
    }
    if (f instanceof Filter.Or o) {
      return new Or(toKernel(o.left(), schema), toKernel(o.right(), schema));
    }
    if (f instanceof Filter.Not n) {
      return new Predicate("NOT", toKernel(n.child(), schema));
    }
    if (f instanceof Filter.Comparison c) {
      DataType type = typeOf(c.column(), schema);
      if (isFloating(type)) {
        Optional<Predicate> exact = FloatingComparisons.compare(c.op(), column(c.column()), c.value(), (PrimitiveType) type);
        if (exact.isPresent()) {
          return exact.get();
        }
      }
      Predicate p = new Predicate(symbol(c.op()), column(c.column()), literal(c.value(), type));
      return c.op() == Filter.Op.NE ? new Predicate("NOT", p) : p;
    }
    if (f instanceof Filter.IsNull n) {
      return new Predicate("IS_NULL", column(n.column()));
    }
    if (f instanceof Filter.IsNotNull n) {
      return new Predicate("IS_NOT_NULL", column(n.column()));
    }
    if (f instanceof Filter.In in) {
      DataType type = typeOf(in.column(), schema);
      if (isFloating(type)) {
        return FloatingComparisons.in(column(in.column()), in.values(), (PrimitiveType) type);
      }
      if (type == PrimitiveType.TIMESTAMP_NTZ && !in.values().isEmpty()) {
        return anyEquals(column(in.column()), in.values(), type);
      }
      List<Expression> values = new ArrayList<>(in.values().size());
      for (Object v : in.values()) {
        values.add(literal(v, type));
      }
      return new In(column(in.column()), values);
    }
    if (f instanceof Filter.StartsWith s) {
      return new Predicate("STARTS_WITH", column(s.column()), Literal.ofString(s.prefix()));
    }
    // Kernel's LIKE, like Spark's, treats a backslash as the escape character; ours has none, so double them.
    Filter.Like like = (Filter.Like) f;
    String pattern = like.pattern().replace("\\", "\\\\");
    return new Predicate("LIKE", column(like.column()), Literal.ofString(pattern));
  }

  /**
   * {@code c = v1 OR c = v2 ...}: IN with the same three-valued answer. Kernel's IN evaluator
   * cannot read timestamp_ntz values, and an OR of equalities also skips files by statistics.
   */
  private static Predicate anyEquals(Column column, List<Object> values, DataType type) {
    Predicate out = null;
    for (Object v : values) {
      Predicate eq = new Predicate("=", column, literal(v, type));
      out = out == null ? eq : new Or(out, eq);
    }
    return out;
  }

  private static boolean isFloating(DataType type) {
    return type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
  }

  private static String symbol(Filter.Op op) {
    return switch (op) {
      case EQ, NE -> "=";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  static Column column(io.deltalake4j.filter.Column c) {
    return new Column(c.path().toArray(new String[0]));
  }

  static DataType typeOf(io.deltalake4j.filter.Column c, StructType schema) {
    DataType t = schema;
    for (String name : c.path()) {
      t = ((StructType) t).field(name).orElseThrow().type();
    }
    return t;
  }

  /** A Kernel literal of the column's type; {@code value} is already that type's Java value. */
  public static Literal literal(Object value, DataType type) {
    io.delta.kernel.types.DataType kernelType = Schemas.toKernel(type);
    if (value == null) {
      return Literal.ofNull(kernelType);
    }
    if (type instanceof DecimalType d) {
      return Literal.ofDecimal((BigDecimal) value, d.precision(), d.scale());
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> Literal.ofBoolean((Boolean) value);
      case BYTE -> Literal.ofByte((Byte) value);
      case SHORT -> Literal.ofShort((Short) value);
      case INT -> Literal.ofInt((Integer) value);
      case LONG -> Literal.ofLong((Long) value);
      case FLOAT -> Literal.ofFloat((Float) value);
      case DOUBLE -> Literal.ofDouble((Double) value);
      case STRING -> Literal.ofString((String) value);
      case BINARY -> Literal.ofBinary((byte[]) value);
      case DATE -> Literal.ofDate(Math.toIntExact(((LocalDate) value).toEpochDay()));
      case TIMESTAMP -> Literal.ofTimestamp(Micros.of((Instant) value));
      case TIMESTAMP_NTZ -> Literal.ofTimestampNtz(Micros.of(((LocalDateTime) value).toInstant(ZoneOffset.UTC)));
      case VARIANT -> throw new IllegalStateException("variant literals are rejected when binding");
    };
  }
}
