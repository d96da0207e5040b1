package io.deltalake4j.arrow;

import io.deltalake4j.Row;
import io.deltalake4j.internal.rows.ArrayRow;
import io.deltalake4j.arrow.internal.ArrowShapes;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Arrow batches as the library's rows: each value becomes the Java value a row scan returns for
 * its Delta type (see {@link io.deltalake4j.Row}), so Arrow data can be compared with row scans or
 * written through the row API. A copy: the rows stay valid after the batch is released.
 */
public final class ArrowRows {
  private ArrowRows() {}

  /**
   * The rows of a batch whose columns are those of {@code schema}, in order, with the Arrow types
   * {@link ArrowSchemas} maps them to (or the variants {@link ArrowWrites} lists).
   *
   * @throws IllegalArgumentException if the batch's columns are not the schema's
   */
  public static List<Row> of(VectorSchemaRoot root, StructType schema) {
    ArrowShapes.require(root.getSchema(), schema);
    List<Row> out = new ArrayList<>(root.getRowCount());
    for (int i = 0; i < root.getRowCount(); i++) {
      Object[] values = new Object[schema.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = value(root.getVector(c), i, schema.field(c).type());
      }
      out.add(new ArrayRow(schema, values)); // typed by the schema already; Row.of refuses variant values
    }
    return out;
  }

  /**
   * The rows of an Arrow reader, batch by batch as they are iterated: only one batch is held at a
   * time. The reader's batches must have {@code schema}'s columns, as {@link ArrowWrites} describes.
   * The caller closes the reader after the iteration. To write Arrow data, {@link ArrowWrites} is
   * faster: it hands the batches to the writer without making rows.
   */
  public static Iterable<Row> from(ArrowReader reader, StructType schema) {
    return () -> new Iterator<>() {
      private Iterator<Row> batch = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        try {
          while (!batch.hasNext()) {
            if (!reader.loadNextBatch()) {
              return false;
            }
            batch = of(reader.getVectorSchemaRoot(), schema).iterator();
          }
          return true;
        } catch (IOException e) {
          throw new DeltaIOException("Cannot read the next Arrow batch: " + e.getMessage(), e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
  }

  /** All rows of an Arrow reader (loading every batch), typed by {@code schema}. */
  public static List<Row> readAll(ArrowReader reader, StructType schema) throws IOException {
    List<Row> rows = new ArrayList<>();
    while (reader.loadNextBatch()) {
      rows.addAll(of(reader.getVectorSchemaRoot(), schema));
    }
    return rows;
  }

  private static Object value(FieldVector v, int i, DataType type) {
    if (v.isNull(i)) {
      return null;
    }
    if (type instanceof StructType s) {
      StructVector sv = (StructVector) v;
      Object[] values = new Object[s.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = value((FieldVector) sv.getChildByOrdinal(c), i, s.field(c).type());
      }
      return new ArrayRow(s, values);
    }
    if (type instanceof MapType m) {
      MapVector mv = (MapVector) v;
      StructVector entries = (StructVector) mv.getDataVector();
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int j = mv.getElementStartIndex(i); j < mv.getElementEndIndex(i); j++) {
        map.put(value((FieldVector) entries.getChildByOrdinal(0), j, m.keyType()),
            value((FieldVector) entries.getChildByOrdinal(1), j, m.valueType()));
      }
      return map;
    }
    if (type instanceof ArrayType a) {
      ListVector lv = (ListVector) v;
      List<Object> list = new ArrayList<>();
      for (int j = lv.getElementStartIndex(i); j < lv.getElementEndIndex(i); j++) {
        list.add(value(lv.getDataVector(), j, a.elementType()));
      }
      return list;
    }
    if (type instanceof DecimalType) {
      return (BigDecimal) ((DecimalVector) v).getObject(i);
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> ((BitVector) v).get(i) == 1;
      case BYTE -> ((TinyIntVector) v).get(i);
      case SHORT -> ((SmallIntVector) v).get(i);
      case INT -> ((IntVector) v).get(i);
      case LONG -> ((BigIntVector) v).get(i);
      case FLOAT -> ((Float4Vector) v).get(i);
      case DOUBLE -> ((Float8Vector) v).get(i);
      case STRING, VARIANT -> new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8);
      case BINARY -> ((VarBinaryVector) v).get(i);
      case DATE -> LocalDate.ofEpochDay(((DateDayVector) v).get(i));
      case TIMESTAMP -> instant((TimeStampVector) v, i);
      case TIMESTAMP_NTZ -> LocalDateTime.ofInstant(instant((TimeStampVector) v, i), ZoneOffset.UTC);
    };
  }

  private static Instant instant(TimeStampVector v, int i) {
    long micros = ArrowShapes.micros(((ArrowType.Timestamp) v.getField().getType()).getUnit(), v.get(i));
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
