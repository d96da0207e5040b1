package io.deltalake4j.cli.internal.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sampled JSON values at one position looked like, for schema inference: whole numbers
 * are long (double once a fraction or exponent shows up, or beyond the long range), true/false
 * boolean, strings string, objects structs (fields in order of first appearance), arrays arrays of
 * their elements' type. Values of different kinds, and positions that were only ever null, give
 * string. Every inferred field and element is nullable.
 */
final class JsonShape {

  private DataType scalar;
  private Map<String, JsonShape> fields;
  private JsonShape element;
  private boolean mixed;

  void observe(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      mixed |= scalar != null || element != null;
      fields = fields == null ? new LinkedHashMap<>() : fields;
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.computeIfAbsent(e.getKey(), k -> new JsonShape()).observe(e.getValue());
      }
    } else if (node.isArray()) {
      mixed |= scalar != null || fields != null;
      element = element == null ? new JsonShape() : element;
      node.forEach(element::observe);
    } else {
      mixed |= fields != null || element != null;
      scalar = widen(scalar, scalarOf(node));
    }
  }

  private static DataType scalarOf(JsonNode node) {
    if (node.isBoolean()) {
      return PrimitiveType.BOOLEAN;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? PrimitiveType.LONG : PrimitiveType.DOUBLE;
    }
    return node.isNumber() ? PrimitiveType.DOUBLE : PrimitiveType.STRING;
  }

  private static DataType widen(DataType seen, DataType now) {
    if (seen == null || seen == now) {
      return now;
    }
    boolean numbers = (seen == PrimitiveType.LONG || seen == PrimitiveType.DOUBLE)
        && (now == PrimitiveType.LONG || now == PrimitiveType.DOUBLE);
    return numbers ? PrimitiveType.DOUBLE : PrimitiveType.STRING;
  }

  /** The top-level keys seen, as a schema; empty if no object was seen. */
  StructType schema() {
    return fields == null ? StructType.of() : struct();
  }

  private StructType struct() {
    StructType.Builder b = StructType.builder();
    fields.forEach((name, shape) -> b.add(name, shape.type()));
    return b.build();
  }

  DataType type() {
    if (mixed) {
      return PrimitiveType.STRING;
    }
    if (fields != null) {
      return fields.isEmpty() ? PrimitiveType.STRING : struct();
    }
    if (element != null) {
      return ArrayType.of(element.type());
    }
    return scalar == null ? PrimitiveType.STRING : scalar;
  }
}
