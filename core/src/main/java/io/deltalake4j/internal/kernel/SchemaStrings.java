package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code metaData} action without {@code schemaString}, read as Spark reads it: a table without
 * columns. Kernel requires the field, so log reads ask for it as nullable ({@link #relaxed}) and
 * fill a missing one with the empty schema ({@link #filled}) before Kernel sees the batch.
 */
final class SchemaStrings {
  private SchemaStrings() {}

  /** What Spark's Metadata.schema is when schemaString is missing. */
  static final String EMPTY_SCHEMA = "{\"type\":\"struct\",\"fields\":[]}";

  private static final String FIELD = "schemaString";

  /** The log schema with every top-level metadata struct's schemaString nullable; {@code schema} if it has none. */
  static StructType relaxed(StructType schema) {
    if (metadataOrdinals(schema).isEmpty()) {
      return schema;
    }
    List<StructField> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (isMetadata(f)) {
        StructType md = (StructType) f.getDataType();
        List<StructField> children = new ArrayList<>();
        for (StructField c : md.fields()) {
          children.add(c.getName().equals(FIELD)
              ? new StructField(c.getName(), c.getDataType(), true, c.getMetadata())
              : c);
        }
        fields.add(new StructField(f.getName(), new StructType(children), f.isNullable(), f.getMetadata()));
      } else {
        fields.add(f);
      }
    }
    return new StructType(fields);
  }

  /**
   * The batch typed by {@code schema}, a missing schemaString of a present metadata read as the
   * empty schema. The batch supports every operation Kernel's log replay uses on it (column
   * deletion and replacement), which a view of the reader's batch would not.
   */
  static ColumnarBatch filled(ColumnarBatch batch, StructType schema) {
    List<Integer> ordinals = metadataOrdinals(schema);
    if (ordinals.isEmpty()) {
      return batch;
    }
    List<Integer> missing = new ArrayList<>();
    for (int ordinal : ordinals) {
      if (lacksSchemaString(batch.getColumnVector(ordinal), (StructType) schema.at(ordinal).getDataType())) {
        missing.add(ordinal);
      }
    }
    List<ColumnVector> columns = new ArrayList<>(schema.length());
    for (int c = 0; c < schema.length(); c++) {
      ColumnVector v = batch.getColumnVector(c);
      StructType md = missing.contains(c) ? (StructType) schema.at(c).getDataType() : null;
      columns.add(md == null ? v : new MetadataVector(v, md, md.indexOf(FIELD)));
    }
    return new VectorBatch(schema, columns, batch.getSize());
  }

  /** Whether a row holds a metadata action without its schemaString. */
  private static boolean lacksSchemaString(ColumnVector metadata, StructType type) {
    ColumnVector strings = metadata.getChild(type.indexOf(FIELD));
    for (int row = 0; row < metadata.getSize(); row++) {
      if (!metadata.isNullAt(row) && strings.isNullAt(row)) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> metadataOrdinals(StructType schema) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < schema.length(); i++) {
      if (isMetadata(schema.at(i))) {
        out.add(i);
      }
    }
    return out;
  }

  /** metaData (commit files, checkpoints) or metadata (checksum files): a struct with a string schemaString. */
  private static boolean isMetadata(StructField f) {
    if (!(f.getName().equals("metaData") || f.getName().equals("metadata"))
        || !(f.getDataType() instanceof StructType md)) {
      return false;
    }
    int i = md.indexOf(FIELD);
    return i >= 0 && md.at(i).getDataType() instanceof StringType;
  }

  /** The metadata struct, its schemaString child filled. */
  private record MetadataVector(ColumnVector struct, StructType type, int schemaOrdinal) implements ColumnVector {
    @Override
    public DataType getDataType() {
      return type;
    }

    @Override
    public int getSize() {
      return struct.getSize();
    }

    @Override
    public void close() {
      struct.close();
    }

    @Override
    public boolean isNullAt(int rowId) {
      return struct.isNullAt(rowId);
    }

    @Override
    public ColumnVector getChild(int ordinal) {
      ColumnVector child = struct.getChild(ordinal);
      return ordinal == schemaOrdinal ? new SchemaStringVector(struct, child) : child;
    }
  }

  /** schemaString: the empty schema where the metadata is present and the string is not. */
  private record SchemaStringVector(ColumnVector struct, ColumnVector strings) implements ColumnVector {
    @Override
    public DataType getDataType() {
      return StringType.STRING;
    }

    @Override
    public int getSize() {
      return strings.getSize();
    }

    @Override
    public void close() {
      strings.close();
    }

    @Override
    public boolean isNullAt(int rowId) {
      return struct.isNullAt(rowId);
    }

    @Override
    public String getString(int rowId) {
      return strings.isNullAt(rowId) ? EMPTY_SCHEMA : strings.getString(rowId);
    }
  }
}
