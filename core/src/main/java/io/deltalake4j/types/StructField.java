package io.deltalake4j.types;

import java.util.Map;
import java.util.Objects;

/**
 * A named field of a struct or a table schema.
 *
 * @param metadata the field's Delta metadata (comments, column-mapping ids and the like), as
 *     strings; empty for most fields
 */
public record StructField(String name, DataType type, boolean nullable, Map<String, String> metadata) {

  public StructField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Invalid field name: empty");
    }
    metadata = Map.copyOf(metadata);
  }

  public StructField(String name, DataType type, boolean nullable) {
    this(name, type, nullable, Map.of());
  }

  /** A nullable field. */
  public static StructField of(String name, DataType type) {
    return new StructField(name, type, true);
  }

  /** A field that never holds null. */
  public static StructField required(String name, DataType type) {
    return new StructField(name, type, false);
  }

  @Override
  public String toString() {
    return name + ": " + type.sql() + (nullable ? "" : " not null");
  }
}
