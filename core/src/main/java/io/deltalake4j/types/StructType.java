package io.deltalake4j.types;

import io.deltalake4j.internal.types.SchemaJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ordered list of named fields: a struct column's type, and a table's schema. Field names are
 * matched exactly (case-sensitive), the way Delta stores them.
 */
public final class StructType implements DataType {

  private final List<StructField> fields;
  private final Map<String, Integer> indexByName;

  private StructType(List<StructField> fields) {
    this.fields = List.copyOf(fields);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.fields.size(); i++) {
      String name = this.fields.get(i).name();
      if (index.put(name, i) != null) {
        throw new IllegalArgumentException("Invalid struct: field name '" + name + "' appears twice");
      }
    }
    this.indexByName = Collections.unmodifiableMap(index);
  }

  public static StructType of(List<StructField> fields) {
    return new StructType(fields);
  }

  public static StructType of(StructField... fields) {
    return new StructType(Arrays.asList(fields));
  }

  /** A builder that adds fields in order. */
  public static Builder builder() {
    return new Builder();
  }

  public List<StructField> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  public StructField field(int index) {
    return fields.get(index);
  }

  /** The field with this exact name, if any. */
  public Optional<StructField> field(String name) {
    Integer i = indexByName.get(name);
    return i == null ? Optional.empty() : Optional.of(fields.get(i));
  }

  /** The position of the field with this exact name, or -1. */
  public int indexOf(String name) {
    return indexByName.getOrDefault(name, -1);
  }

  public List<String> fieldNames() {
    return fields.stream().map(StructField::name).collect(Collectors.toUnmodifiableList());
  }

  /** The fields named, in the order named. Unknown names are the caller's to check first. */
  public StructType select(List<String> names) {
    List<StructField> picked = new ArrayList<>(names.size());
    for (String name : names) {
      picked.add(fields.get(indexByName.get(name)));
    }
    return new StructType(picked);
  }

  /**
   * The schema in the Delta protocol's JSON form, as the log stores it:
   * {@code {"type":"struct","fields":[{"name":"id","type":"long","nullable":true,"metadata":{}}]}},
   * on one line. Field metadata is written with its keys sorted and its values as strings.
   */
  public String toJson() {
    return SchemaJson.toJson(this);
  }

  /**
   * A schema from the Delta protocol's JSON form (as {@link #toJson()} writes it, or as a Delta
   * log, Spark's {@code df.schema.json} or delta-rs give it). Metadata values that are not strings
   * are kept as their JSON text.
   *
   * @throws io.deltalake4j.exceptions.SchemaMismatchException if the text is not JSON, not a struct,
   *     or names an unknown type; the message gives the position or the field
   */
  public static StructType fromJson(String json) {
    return SchemaJson.fromJson(Objects.requireNonNull(json, "json"));
  }

  @Override
  public String sql() {
    return fields.stream()
        .map(f -> f.name() + ":" + f.type().sql())
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return sql();
  }

  /** Adds fields in order; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final List<StructField> fields = new ArrayList<>();

    private Builder() {}

    /** Adds a nullable field. */
    public Builder add(String name, DataType type) {
      return add(new StructField(name, type, true));
    }

    /** Adds a field that never holds null. */
    public Builder addRequired(String name, DataType type) {
      return add(new StructField(name, type, false));
    }

    public Builder add(StructField field) {
      fields.add(field);
      return this;
    }

    public StructType build() {
      return new StructType(fields);
    }
  }
}
