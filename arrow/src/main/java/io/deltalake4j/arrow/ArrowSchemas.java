package io.deltalake4j.arrow;

import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of a Delta schema. Every Delta type has one Arrow type:
 *
 * <table>
 *   <caption>Delta to Arrow</caption>
 *   <tr><th>Delta</th><th>Arrow</th></tr>
 *   <tr><td>boolean</td><td>Bool</td></tr>
 *   <tr><td>tinyint, smallint, int, bigint</td><td>Int(8|16|32|64, signed)</td></tr>
 *   <tr><td>float, double</td><td>FloatingPoint(SINGLE|DOUBLE)</td></tr>
 *   <tr><td>decimal(p, s)</td><td>Decimal(p, s, 128)</td></tr>
 *   <tr><td>string</td><td>Utf8</td></tr>
 *   <tr><td>binary</td><td>Binary</td></tr>
 *   <tr><td>date</td><td>Date(DAY)</td></tr>
 *   <tr><td>timestamp</td><td>Timestamp(MICROSECOND, "UTC")</td></tr>
 *   <tr><td>timestamp_ntz</td><td>Timestamp(MICROSECOND, no zone)</td></tr>
 *   <tr><td>struct</td><td>Struct</td></tr>
 *   <tr><td>array</td><td>List, child "element"</td></tr>
 *   <tr><td>map</td><td>Map (keys unsorted), entries struct "entries" of "key" (not null) and "value"</td></tr>
 *   <tr><td>variant</td><td>Utf8: the value's JSON text, as rows give it</td></tr>
 * </table>
 *
 * <p>Nullability carries over; a field's metadata (comments, column mapping) is not copied.
 *
 * <p>A variant becomes its JSON text as Spark's {@code to_json} prints it (time zone UTC), the
 * same string a row gives, whether the data file keeps it shredded or not. Arrow has no variant
 * type of its own yet (a canonical extension type is still being settled), and the binary
 * value/metadata pair would leave every consumer to decode the Variant encoding itself; JSON text
 * is what DuckDB, pandas and the rest can use at once. A SQL NULL variant is a null; a variant
 * holding JSON null is the text {@code null}.
 */
public final class ArrowSchemas {
  private ArrowSchemas() {}

  /** The Arrow schema of {@code schema}, field for field. */
  public static Schema of(StructType schema) {
    List<Field> fields = new ArrayList<>(schema.size());
    for (StructField f : schema.fields()) {
      fields.add(field(f));
    }
    return new Schema(fields);
  }

  /** The Arrow field of a Delta field. */
  public static Field field(StructField field) {
    return field(field.name(), field.type(), field.nullable());
  }

  private static Field field(String name, DataType type, boolean nullable) {
    if (type instanceof StructType s) {
      List<Field> children = new ArrayList<>(s.size());
      for (StructField f : s.fields()) {
        children.add(field(f));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    if (type instanceof ArrayType a) {
      Field element = field("element", a.elementType(), a.containsNull());
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    if (type instanceof MapType m) {
      Field key = field("key", m.keyType(), false);
      Field value = field("value", m.valueType(), m.valueContainsNull());
      Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(key, value));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
    }
    return new Field(name, new FieldType(nullable, primitive(name, type), null), List.of());
  }

  private static ArrowType primitive(String name, DataType type) {
    if (type instanceof DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case BYTE -> new ArrowType.Int(8, true);
      case SHORT -> new ArrowType.Int(16, true);
      case INT -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case STRING -> ArrowType.Utf8.INSTANCE;
      case BINARY -> ArrowType.Binary.INSTANCE;
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      case TIMESTAMP_NTZ -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case VARIANT -> ArrowType.Utf8.INSTANCE;
    };
  }
}
