package io.deltalake4j.arrow.internal;

import io.deltalake4j.arrow.ArrowSchemas;
import io.deltalake4j.exceptions.SchemaMismatchException;
import io.deltalake4j.types.StructType;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Which Arrow data the library takes as rows of a Delta schema: the columns {@link ArrowSchemas}
 * maps the schema to, by name and type, in order. Beyond that mapping, it takes list elements and
 * map entries of any name, nullability of any kind (nulls are checked per value by the write), and
 * timestamps of any unit and, for Delta's timestamp, any zone: Arrow stores zoned timestamps as
 * UTC instants whatever the zone.
 */
public final class ArrowShapes {
  private ArrowShapes() {}

  /** Fails unless the Arrow schema holds the Delta schema's columns. */
  public static void require(Schema arrow, StructType schema) {
    List<Field> expected = ArrowSchemas.of(schema).getFields();
    List<Field> actual = arrow.getFields();
    boolean same = expected.size() == actual.size();
    for (int i = 0; same && i < expected.size(); i++) {
      same = sameShape(expected.get(i), actual.get(i), true);
    }
    if (!same) {
      throw new IllegalArgumentException("Cannot read Arrow data as rows of " + schema.sql() + ": its columns are "
          + arrow.getFields() + ", but that schema maps to " + expected + " (see ArrowSchemas). "
          + "Cast or rename the Arrow columns to match.");
    }
  }

  /**
   * A timestamp of {@code unit} in microseconds, as Delta keeps it; nanoseconds round down.
   *
   * @throws SchemaMismatchException if it is beyond what microseconds since 1970 can count
   */
  public static long micros(TimeUnit unit, long value) {
    try {
      return switch (unit) {
        case MICROSECOND -> value;
        case SECOND -> Math.multiplyExact(value, 1_000_000L);
        case MILLISECOND -> Math.multiplyExact(value, 1_000L);
        case NANOSECOND -> Math.floorDiv(value, 1_000L);
      };
    } catch (ArithmeticException e) {
      throw new SchemaMismatchException("Cannot write the Arrow timestamp " + value + " " + unit.name().toLowerCase()
          + "s since 1970: it is beyond the microseconds a Delta timestamp holds. Check the data.");
    }
  }

  private static boolean sameShape(Field expected, Field actual, boolean named) {
    if ((named && !expected.getName().equals(actual.getName()))
        || actual.getDictionary() != null
        || !sameType(expected.getType(), actual.getType())
        || expected.getChildren().size() != actual.getChildren().size()) {
      return false;
    }
    // Producers name list elements and map entries variously ("item", "$data$", "key_value").
    boolean container = expected.getType() instanceof ArrowType.List || expected.getType() instanceof ArrowType.Map;
    for (int i = 0; i < expected.getChildren().size(); i++) {
      if (!sameShape(expected.getChildren().get(i), actual.getChildren().get(i), !container)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameType(ArrowType expected, ArrowType actual) {
    if (expected instanceof ArrowType.Timestamp e && actual instanceof ArrowType.Timestamp a) {
      return (e.getTimezone() == null) == (a.getTimezone() == null);
    }
    return expected.equals(actual);
  }
}
