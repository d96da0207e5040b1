package io.deltalake4j.types;

import java.util.Objects;

/** A list of elements of one type; Java value {@link java.util.List}. */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {

  public ArrayType {
    Objects.requireNonNull(elementType, "elementType");
  }

  /** An array whose elements may be null. */
  public static ArrayType of(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  @Override
  public String sql() {
    return "array<" + elementType.sql() + ">";
  }

  @Override
  public String toString() {
    return sql();
  }
}
