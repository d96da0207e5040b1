package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.internal.variant.MalformedVariantException;
import io.deltalake4j.internal.variant.VariantEncoder;
import io.deltalake4j.internal.variant.VariantMetadata;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Shredded variants (Parquet's VariantShredding.md) put back together. A data file may keep part
 * of a variant in a {@code typed_value} beside its {@code value}: a primitive column, a group of
 * object fields (each a {@code value}/{@code typed_value} pair of its own) or a list of such
 * elements, with a layout that can differ from file to file. For each file this reads the
 * footer, asks the wrapped reader for the variant's typed columns as the file has them (integers,
 * decimals, dates and timestamps as their raw Parquet numbers, interpreted here by the file's
 * annotations), and turns every row back into the unshredded encoding: the same metadata and one
 * {@code value}, objects merged with the fields left in {@code value}, keys in order. What comes
 * out has the layout of {@link VariantColumns#PHYSICAL}, so the rest of the read path does not
 * know shredding exists.
 *
 * <p>Variants at the top level and inside structs are read; a shredded variant inside an array or
 * a map is refused with an error naming the column.
 */
public final class ShreddedVariants {
  private ShreddedVariants() {}

  /** {@code reader}, putting back together the shredded variants of each file it reads. */
  static DataFileReader reading(DataFileReader reader, Configuration conf) {
    return (file, physicalSchema, filter) -> {
      if (!containsVariant(physicalSchema)) {
        return reader.read(file, physicalSchema, filter);
      }
      MessageType footer = footer(file, conf);
      Plan plan = plan(footer, physicalSchema, file.getPath());
      if (plan == null) {
        return reader.read(file, physicalSchema, filter);
      }
      CloseableIterator<ColumnarBatch> batches = reader.read(file, plan.read(), filter);
      return batches.map(b -> plan.unshred(b, physicalSchema, file.getPath()));
    };
  }

  /** Whether the file keeps a variant of {@code physicalSchema} shredded. */
  public static boolean shreds(MessageType fileSchema, StructType physicalSchema, String file) {
    return containsVariant(physicalSchema) && plan(fileSchema, physicalSchema, file) != null;
  }

  private static boolean containsVariant(DataType t) {
    if (t.equals(VariantColumns.PHYSICAL)) {
      return true;
    }
    if (t instanceof StructType s) {
      return s.fields().stream().anyMatch(f -> containsVariant(f.getDataType()));
    }
    if (t instanceof ArrayType a) {
      return containsVariant(a.getElementType());
    }
    if (t instanceof MapType m) {
      return containsVariant(m.getKeyType()) || containsVariant(m.getValueType());
    }
    return false;
  }

  private static MessageType footer(io.delta.kernel.utils.FileStatus file, Configuration conf) throws IOException {
    org.apache.hadoop.fs.FileStatus status = new org.apache.hadoop.fs.FileStatus(
        file.getSize(), false, 1, 0, file.getModificationTime(), new Path(file.getPath()));
    HadoopInputFile input = HadoopInputFile.fromStatus(status, conf);
    org.apache.parquet.ParquetReadOptions options = HadoopReadOptions.builder(conf)
        .withMetadataFilter(ParquetMetadataConverter.SKIP_ROW_GROUPS).build();
    try (ParquetFileReader reader = ParquetFileReader.open(input, options)) {
      return reader.getFileMetaData().getSchema();
    }
  }

  // ---- planning: the columns to ask for, and how to turn them back ----

  /** What to read instead of {@code physicalSchema}, and the column-by-column way back; null if nothing is shredded. */
  private static Plan plan(MessageType footer, StructType physicalSchema, String file) {
    List<StructField> read = new ArrayList<>(physicalSchema.length());
    List<UnaryOperator<ColumnVector>> back = new ArrayList<>(physicalSchema.length());
    boolean any = false;
    for (StructField f : physicalSchema.fields()) {
      Rewrite r = footer.containsField(f.getName())
          ? rewrite(f.getDataType(), footer.getType(f.getName()), f.getName(), file)
          : null;
      any |= r != null;
      read.add(r == null ? f : new StructField(f.getName(), r.read(), f.isNullable(), f.getMetadata()));
      back.add(r == null ? null : r.back());
    }
    return any ? new Plan(new StructType(read), back) : null;
  }

  private record Plan(StructType read, List<UnaryOperator<ColumnVector>> back) {
    ColumnarBatch unshred(ColumnarBatch batch, StructType physicalSchema, String file) {
      List<ColumnVector> columns = new ArrayList<>(back.size());
      for (int c = 0; c < back.size(); c++) {
        ColumnVector v = batch.getColumnVector(c);
        try {
          columns.add(back.get(c) == null ? v : back.get(c).apply(v));
        } catch (MalformedVariantException | ClassCastException | IndexOutOfBoundsException e) {
          throw new io.deltalake4j.exceptions.CorruptFileException("Cannot read column '" + physicalSchema.at(c).getName()
              + "' of data file " + file + ": a shredded variant cannot be put back together (" + e.getMessage()
              + "). The file is corrupt or was written by a broken writer.", file, e);
        }
      }
      return new VectorBatch(physicalSchema, columns, batch.getSize());
    }
  }

  /** The type to read in place of a requested one, and the conversion of what is read back to it. */
  private record Rewrite(DataType read, UnaryOperator<ColumnVector> back) {}

  private static Rewrite rewrite(DataType requested, Type file, String path, String fileName) {
    if (file.isPrimitive()) {
      return null;
    }
    GroupType group = file.asGroupType();
    if (requested.equals(VariantColumns.PHYSICAL)) {
      if (!group.containsField("typed_value")) {
        return null;
      }
      Typed typed = typed(group.getType("typed_value"), path, fileName);
      StructType read = new StructType()
          .add("value", BinaryType.BINARY, true)
          .add("metadata", BinaryType.BINARY, true)
          .add("typed_value", typed.kernelType(), true);
      return new Rewrite(read, v -> unshred(v, typed));
    }
    if (requested instanceof StructType s) {
      List<StructField> read = new ArrayList<>(s.length());
      List<UnaryOperator<ColumnVector>> back = new ArrayList<>(s.length());
      boolean any = false;
      for (StructField f : s.fields()) {
        Rewrite r = group.containsField(f.getName())
            ? rewrite(f.getDataType(), group.getType(f.getName()), path + "." + f.getName(), fileName)
            : null;
        any |= r != null;
        read.add(r == null ? f : new StructField(f.getName(), r.read(), f.isNullable(), f.getMetadata()));
        back.add(r == null ? null : r.back());
      }
      return any ? new Rewrite(new StructType(read), v -> new StructView(s, v, back)) : null;
    }
    if (containsVariant(requested) && hasShreddedGroup(group)) {
      throw new UnsupportedFeatureException("Cannot read column '" + path + "' of data file " + fileName
          + ": it holds shredded variants inside an array or a map, which are not supported. "
          + "Leave the column out with select(...).");
    }
    return null;
  }

  private static boolean hasShreddedGroup(GroupType g) {
    if (g.containsField("metadata") && g.containsField("typed_value")) {
      return true;
    }
    return g.getFields().stream().anyMatch(t -> !t.isPrimitive() && hasShreddedGroup(t.asGroupType()));
  }

  // ---- the shape of a typed_value in one file ----

  /** A {@code typed_value}: a primitive, an object of named slots, or an array of slots. */
  private sealed interface Typed permits Leaf, Obj, Arr {
    DataType kernelType();
  }

  /**
   * A {@code value}/{@code typed_value} pair: the struct read always has {@code value} first (null
   * where the file has none) and {@code typed_value} second if the file has one.
   */
  private record Slot(Typed typed) {
    StructType kernelType() {
      StructType t = new StructType().add("value", BinaryType.BINARY, true);
      return typed == null ? t : t.add("typed_value", typed.kernelType(), true);
    }
  }

  private record Obj(List<String> names, List<Slot> fields) implements Typed {
    @Override
    public DataType kernelType() {
      StructType t = new StructType();
      for (int i = 0; i < names.size(); i++) {
        t = t.add(names.get(i), fields.get(i).kernelType(), false);
      }
      return t;
    }
  }

  private record Arr(Slot element) implements Typed {
    @Override
    public DataType kernelType() {
      return new ArrayType(element.kernelType(), true);
    }
  }

  /** The primitive typed values, each read as its Parquet physical type and encoded by its annotation. */
  private enum Kind {
    BOOLEAN, INT8, INT16, INT32, INT64, FLOAT, DOUBLE, DECIMAL_INT, DECIMAL_LONG, DECIMAL_BYTES, DATE, TIME,
    TIMESTAMP_MICROS, TIMESTAMP_NTZ_MICROS, TIMESTAMP_NANOS, TIMESTAMP_NTZ_NANOS, STRING, BINARY, UUID
  }

  private record Leaf(Kind kind, int precision, int scale) implements Typed {
    @Override
    public DataType kernelType() {
      return switch (kind) {
        case BOOLEAN -> BooleanType.BOOLEAN;
        case INT8, INT16, INT32, DECIMAL_INT, DATE -> IntegerType.INTEGER;
        case INT64, DECIMAL_LONG, TIME, TIMESTAMP_MICROS, TIMESTAMP_NTZ_MICROS, TIMESTAMP_NANOS, TIMESTAMP_NTZ_NANOS ->
            LongType.LONG;
        case FLOAT -> FloatType.FLOAT;
        case DOUBLE -> DoubleType.DOUBLE;
        case DECIMAL_BYTES, STRING, BINARY, UUID -> BinaryType.BINARY;
      };
    }

    byte[] encode(ColumnVector v, int row) {
      return switch (kind) {
        case BOOLEAN -> VariantEncoder.bool(v.getBoolean(row));
        case INT8 -> VariantEncoder.integer(v.getInt(row), 1);
        case INT16 -> VariantEncoder.integer(v.getInt(row), 2);
        case INT32 -> VariantEncoder.integer(v.getInt(row), 4);
        case INT64 -> VariantEncoder.integer(v.getLong(row), 8);
        case FLOAT -> VariantEncoder.float32(v.getFloat(row));
        case DOUBLE -> VariantEncoder.float64(v.getDouble(row));
        case DECIMAL_INT -> VariantEncoder.decimal(BigInteger.valueOf(v.getInt(row)), scale, precision);
        case DECIMAL_LONG -> VariantEncoder.decimal(BigInteger.valueOf(v.getLong(row)), scale, precision);
        case DECIMAL_BYTES -> VariantEncoder.decimal(new BigInteger(v.getBinary(row)), scale, precision);
        case DATE -> VariantEncoder.date(v.getInt(row));
        case TIME -> VariantEncoder.time(v.getLong(row));
        case TIMESTAMP_MICROS -> VariantEncoder.timestamp(v.getLong(row), true, false);
        case TIMESTAMP_NTZ_MICROS -> VariantEncoder.timestamp(v.getLong(row), false, false);
        case TIMESTAMP_NANOS -> VariantEncoder.timestamp(v.getLong(row), true, true);
        case TIMESTAMP_NTZ_NANOS -> VariantEncoder.timestamp(v.getLong(row), false, true);
        case STRING -> VariantEncoder.string(v.getBinary(row));
        case BINARY -> VariantEncoder.binary(v.getBinary(row));
        case UUID -> VariantEncoder.uuid(v.getBinary(row));
      };
    }
  }

  private static Typed typed(Type t, String path, String file) {
    if (t.isPrimitive()) {
      return leaf(t.asPrimitiveType(), path, file);
    }
    GroupType g = t.asGroupType();
    if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type repeated = g.getFieldCount() == 1 ? g.getType(0) : null;
      if (repeated == null || repeated.isPrimitive() || !repeated.isRepetition(Type.Repetition.REPEATED)
          || repeated.asGroupType().getFieldCount() != 1 || repeated.asGroupType().getType(0).isPrimitive()) {
        throw unsupported(path, file, "a list that is not a three-level list of groups: " + g);
      }
      return new Arr(slot(repeated.asGroupType().getType(0).asGroupType(), path + "[]", file));
    }
    List<String> names = new ArrayList<>(g.getFieldCount());
    List<Slot> fields = new ArrayList<>(g.getFieldCount());
    for (Type f : g.getFields()) {
      if (f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(path, file, "an object field that is not a group of value and typed_value: " + f);
      }
      names.add(f.getName());
      fields.add(slot(f.asGroupType(), path + "." + f.getName(), file));
    }
    return new Obj(names, fields);
  }

  private static Slot slot(GroupType g, String path, String file) {
    return new Slot(g.containsField("typed_value") ? typed(g.getType("typed_value"), path, file) : null);
  }

  private static Leaf leaf(PrimitiveType p, String path, String file) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    Kind kind = null;
    int precision = 0;
    int scale = 0;
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      precision = d.getPrecision();
      scale = d.getScale();
    }
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> kind = a == null ? Kind.BOOLEAN : null;
      case INT32 -> {
        if (a == null) {
          kind = Kind.INT32;
        } else if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()) {
          kind = i.getBitWidth() == 8 ? Kind.INT8 : i.getBitWidth() == 16 ? Kind.INT16 : i.getBitWidth() == 32 ? Kind.INT32 : null;
        } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          kind = Kind.DECIMAL_INT;
        } else if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          kind = Kind.DATE;
        }
      }
      case INT64 -> {
        if (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned() && i.getBitWidth() == 64) {
          kind = Kind.INT64;
        } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          kind = Kind.DECIMAL_LONG;
        } else if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t
            && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS && !t.isAdjustedToUTC()) {
          kind = Kind.TIME;
        } else if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
          boolean utc = t.isAdjustedToUTC();
          kind = switch (t.getUnit()) {
            case MICROS -> utc ? Kind.TIMESTAMP_MICROS : Kind.TIMESTAMP_NTZ_MICROS;
            case NANOS -> utc ? Kind.TIMESTAMP_NANOS : Kind.TIMESTAMP_NTZ_NANOS;
            case MILLIS -> null;
          };
        }
      }
      case FLOAT -> kind = a == null ? Kind.FLOAT : null;
      case DOUBLE -> kind = a == null ? Kind.DOUBLE : null;
      case BINARY -> {
        if (a == null) {
          kind = Kind.BINARY;
        } else if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
          kind = Kind.STRING;
        } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          kind = Kind.DECIMAL_BYTES;
        }
      }
      case FIXED_LEN_BYTE_ARRAY -> {
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation && p.getTypeLength() == 16) {
          kind = Kind.UUID;
        } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          kind = Kind.DECIMAL_BYTES;
        }
      }
      default -> kind = null;
    }
    if (kind == null) {
      throw unsupported(path, file, "a typed_value of type " + p + ", which the Variant shredding spec does not list");
    }
    return new Leaf(kind, precision, scale);
  }

  private static UnsupportedFeatureException unsupported(String path, String file, String what) {
    return new UnsupportedFeatureException("Cannot read variant column '" + path + "' of data file " + file
        + ": it is shredded as " + what + ". Leave the column out with select(...).");
  }

  // ---- putting values back together ----

  /** The variant column {@code v} (value, metadata, typed_value) as {@link VariantColumns#PHYSICAL}. */
  private static ColumnVector unshred(ColumnVector v, Typed typed) {
    int size = v.getSize();
    ColumnVector value = v.getChild(0);
    ColumnVector metadata = v.getChild(1);
    ColumnVector typedValue = v.getChild(2);
    byte[][] values = new byte[size][];
    for (int row = 0; row < size; row++) {
      if (v.isNullAt(row)) {
        continue;
      }
      if (typedValue.isNullAt(row)) {
        // Not shredded in this row; a variant with neither is missing, which reads as variant null.
        values[row] = value.isNullAt(row) ? VariantEncoder.nullValue() : value.getBinary(row);
        continue;
      }
      if (metadata.isNullAt(row)) {
        throw new MalformedVariantException("a shredded value has no metadata", null);
      }
      VariantMetadata dictionary = VariantMetadata.parse(metadata.getBinary(row));
      values[row] = typed(dictionary, typed, typedValue, value, row);
    }
    return new StructView(VariantColumns.PHYSICAL, v,
        List.of(ignored -> new ValueVector(BinaryType.BINARY, Arrays.asList(values)), ignored -> metadata));
  }

  /** The encoded value of slot vector {@code slot} (value, then typed_value if any) at {@code row}; null if missing. */
  private static byte[] slot(VariantMetadata dictionary, Slot shape, ColumnVector slot, int row) {
    ColumnVector value = slot.getChild(0);
    if (shape.typed() != null) {
      ColumnVector typedValue = slot.getChild(1);
      if (!typedValue.isNullAt(row)) {
        return typed(dictionary, shape.typed(), typedValue, value, row);
      }
    }
    return value.isNullAt(row) ? null : value.getBinary(row);
  }

  /** The value at {@code row}, whose typed value is not null; {@code value} holds an object's other fields. */
  private static byte[] typed(VariantMetadata dictionary, Typed shape, ColumnVector typedValue, ColumnVector value, int row) {
    if (shape instanceof Leaf leaf) {
      return leaf.encode(typedValue, row);
    }
    if (shape instanceof Arr arr) {
      ArrayValue array = typedValue.getArray(row);
      ColumnVector elements = array.getElements();
      List<byte[]> encoded = new ArrayList<>(array.getSize());
      for (int i = 0; i < array.getSize(); i++) {
        byte[] e = slot(dictionary, arr.element(), elements, i);
        if (e == null) {
          throw new MalformedVariantException("element " + i + " of a shredded array is missing", null);
        }
        encoded.add(e);
      }
      return VariantEncoder.array(encoded);
    }
    Obj obj = (Obj) shape;
    List<String> names = new ArrayList<>(obj.names().size());
    List<byte[]> values = new ArrayList<>(obj.names().size());
    for (int i = 0; i < obj.names().size(); i++) {
      byte[] f = slot(dictionary, obj.fields().get(i), typedValue.getChild(i), row);
      if (f != null) {
        names.add(obj.names().get(i));
        values.add(f);
      }
    }
    return VariantEncoder.object(dictionary, names, values, value.isNullAt(row) ? null : value.getBinary(row));
  }

  /** A struct vector over another's rows and nulls, with some children replaced. */
  private static final class StructView implements ColumnVector {
    private final StructType type;
    private final ColumnVector rows;
    private final ColumnVector[] children;

    /** @param back per child, its replacement made from the read child, or null to keep it */
    StructView(StructType type, ColumnVector rows, List<UnaryOperator<ColumnVector>> back) {
      this.type = type;
      this.rows = rows;
      this.children = new ColumnVector[type.length()];
      for (int i = 0; i < children.length; i++) {
        ColumnVector read = childOrNull(rows, i);
        children[i] = back.get(i) == null ? read : back.get(i).apply(read);
      }
    }

    private static ColumnVector childOrNull(ColumnVector v, int i) {
      return i < ((StructType) v.getDataType()).length() ? v.getChild(i) : null;
    }

    @Override
    public DataType getDataType() {
      return type;
    }

    @Override
    public int getSize() {
      return rows.getSize();
    }

    @Override
    public void close() {
      rows.close();
    }

    @Override
    public boolean isNullAt(int rowId) {
      return rows.isNullAt(rowId);
    }

    @Override
    public ColumnVector getChild(int ordinal) {
      return children[ordinal];
    }
  }
}
