package io.deltalake4j.cli.internal.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.DecimalType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as Java values of a column type, the inverse of what {@code scan --format jsonl}
 * prints: numbers and booleans as such (non-finite floats also as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}), decimals as numbers or strings, dates, timestamps and
 * base64 binary as strings, structs as objects, arrays as arrays, maps as objects or as arrays of
 * {@code {"key":..,"value":..}}. A string column takes any value, non-strings as their JSON text.
 * Integers are never silently rounded or truncated: a value out of the column's range is an error.
 */
final class JsonValues {
  private JsonValues() {}

  /** @throws BadValue naming the column path when the value does not fit */
  static Object convert(JsonNode node, DataType type, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type instanceof PrimitiveType p) {
      return primitive(node, p, path);
    }
    if (type instanceof DecimalType d) {
      if (node.isNumber()) {
        return TextValues.decimal(node.decimalValue(), d, path, node.toString());
      }
      if (node.isTextual()) {
        return TextValues.convert(node.asText(), type, path);
      }
      throw new BadValue(path, type, node.toString());
    }
    if (type instanceof StructType s) {
      return struct(node, s, path);
    }
    if (type instanceof ArrayType a) {
      if (!node.isArray()) {
        throw new BadValue(path, type, node.toString(), "expected a JSON array");
      }
      List<Object> out = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        out.add(convert(node.get(i), a.elementType(), path + "[" + i + "]"));
      }
      return out;
    }
    return map(node, (MapType) type, path);
  }

  private static Object primitive(JsonNode node, PrimitiveType type, String path) {
    switch (type) {
      case STRING:
        return node.isTextual() ? node.asText() : node.toString();
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        break;
      case BYTE, SHORT, INT, LONG:
        if (node.isIntegralNumber()) {
          return TextValues.integral(node.bigIntegerValue(), type, path, node.toString());
        }
        if (node.isNumber()) {
          throw new BadValue(path, type, node.toString(), "not a whole number");
        }
        break;
      case FLOAT, DOUBLE:
        if (node.isNumber()) {
          return TextValues.floating(node.doubleValue(), type, path, node.toString());
        }
        if (node.isTextual() && TextValues.isNonFinite(node.asText())) {
          return TextValues.convert(node.asText(), type, path);
        }
        break;
      case BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ:
        if (node.isTextual()) {
          return TextValues.convert(node.asText(), type, path);
        }
        break;
      case VARIANT:
        throw new BadValue(path, type, node.toString(), "variant columns cannot be written yet");
    }
    throw new BadValue(path, type, node.toString());
  }

  private static Map<String, Object> struct(JsonNode node, StructType type, String path) {
    if (!node.isObject()) {
      throw new BadValue(path, type, node.toString(), "expected a JSON object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (type.indexOf(name) < 0) {
        throw new BadValue(path, type, node.toString(), "no field '" + name + "'");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (StructField f : type.fields()) {
      out.put(f.name(), convert(node.get(f.name()), f.type(), path + "." + f.name()));
    }
    return out;
  }

  private static Map<Object, Object> map(JsonNode node, MapType type, String path) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        Object key = TextValues.convert(e.getKey(), type.keyType(), path + ".key");
        out.put(key, convert(e.getValue(), type.valueType(), path + "[" + e.getKey() + "]"));
      }
      return out;
    }
    if (node.isArray()) {
      for (JsonNode entry : node) {
        if (!entry.isObject() || !entry.has("key") || entry.size() != 2 || !entry.has("value")) {
          throw new BadValue(path, type, node.toString(), "a map is an object, or an array of {\"key\":..,\"value\":..}");
        }
        Object key = convert(entry.get("key"), type.keyType(), path + ".key");
        if (key == null) {
          throw new BadValue(path, type, node.toString(), "a key is null");
        }
        out.put(key, convert(entry.get("value"), type.valueType(), path + "[" + entry.get("key") + "]"));
      }
      return out;
    }
    throw new BadValue(path, type, node.toString(), "expected a JSON object");
  }
}
