package io.deltalake4j.types;

import java.util.Objects;

/** A map; keys are never null. Java value {@link java.util.Map} (insertion-ordered on read). */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull)
    implements DataType {

  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  /** A map whose values may be null. */
  public static MapType of(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  @Override
  public String sql() {
    return "map<" + keyType.sql() + "," + valueType.sql() + ">";
  }

  @Override
  public String toString() {
    return sql();
  }
}
