package io.deltalake4j.internal.types;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltalake4j.exceptions.SchemaMismatchException;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Delta protocol's schema serialization: {@code {"type":"struct","fields":[{"name":..,"type":..,
 * "nullable":..,"metadata":{..}}]}}, primitive types by their protocol names ({@code "integer"},
 * {@code "long"}, {@code "decimal(10,2)"}, ...), arrays and maps as objects.
 */
public final class SchemaJson {
  private SchemaJson() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d{1,4})\\s*,\\s*(\\d{1,4})\\s*\\)");

  private static final String FIX = " Give the Delta schema JSON, e.g. "
      + "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}.";

  /** The protocol's type names, which differ from the SQL ones for the integral types. */
  private static final Map<String, PrimitiveType> PRIMITIVES = primitives();

  /** SQL spellings people write instead of the protocol names, for the hint in errors. */
  private static final Map<String, String> SQL_SPELLINGS =
      Map.of("int", "integer", "bigint", "long", "tinyint", "byte", "smallint", "short", "bool", "boolean",
          "text", "string", "varchar", "string", "real", "float");

  private static Map<String, PrimitiveType> primitives() {
    Map<String, PrimitiveType> m = new LinkedHashMap<>();
    for (PrimitiveType p : PrimitiveType.values()) {
      m.put(name(p), p);
    }
    return m;
  }

  /** The protocol name of a primitive type. */
  public static String name(PrimitiveType p) {
    return switch (p) {
      case BYTE -> "byte";
      case SHORT -> "short";
      case INT -> "integer";
      case LONG -> "long";
      default -> p.sql();
    };
  }

  /** The schema as compact JSON; field metadata keys sorted, values as JSON strings. */
  public static String toJson(StructType schema) {
    return toNode(schema).toString();
  }

  private static JsonNode toNode(DataType type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (type instanceof PrimitiveType p) {
      return f.textNode(name(p));
    }
    if (type instanceof DecimalType d) {
      return f.textNode("decimal(" + d.precision() + "," + d.scale() + ")");
    }
    ObjectNode json = f.objectNode();
    if (type instanceof ArrayType a) {
      json.put("type", "array");
      json.set("elementType", toNode(a.elementType()));
      json.put("containsNull", a.containsNull());
    } else if (type instanceof MapType m) {
      json.put("type", "map");
      json.set("keyType", toNode(m.keyType()));
      json.set("valueType", toNode(m.valueType()));
      json.put("valueContainsNull", m.valueContainsNull());
    } else {
      json.put("type", "struct");
      ArrayNode fields = json.putArray("fields");
      for (StructField field : ((StructType) type).fields()) {
        ObjectNode node = fields.addObject();
        node.put("name", field.name());
        node.set("type", toNode(field.type()));
        node.put("nullable", field.nullable());
        ObjectNode metadata = node.putObject("metadata");
        new TreeMap<>(field.metadata()).forEach(metadata::put);
      }
    }
    return json;
  }

  /**
   * Parses the schema JSON. Field metadata values that are not strings (numbers, booleans, arrays,
   * objects) are kept as their JSON text; {@code nullable} and {@code metadata} may be left out
   * (nullable, no metadata).
   *
   * @throws SchemaMismatchException if the text is not JSON (with the line and column), or not a
   *     struct schema, or names an unknown type (with the field's path)
   */
  public static StructType fromJson(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new SchemaMismatchException(
          "Cannot parse schema JSON" + where + ": " + firstLine(e.getOriginalMessage()) + "." + FIX, e);
    }
    if (root == null || root.isMissingNode()) {
      throw new SchemaMismatchException("Cannot parse schema JSON: the text is empty." + FIX);
    }
    if (!root.isObject() || !"struct".equals(root.path("type").asText(null))) {
      throw new SchemaMismatchException(
          "Cannot parse schema JSON: the top level is " + describe(root) + ", not a struct object." + FIX);
    }
    return struct(root, "");
  }

  private static StructType struct(JsonNode node, String path) {
    JsonNode fields = node.get("fields");
    if (fields == null || !fields.isArray()) {
      throw error(path.isEmpty() ? "the top-level struct" : "field '" + path + "'",
          "its struct has no \"fields\" array", "List the fields as \"fields\":[...]");
    }
    List<StructField> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      out.add(field(fields.get(i), path, i));
    }
    try {
      return StructType.of(out);
    } catch (IllegalArgumentException e) {
      throw error(path.isEmpty() ? "the schema" : "field '" + path + "'", e.getMessage(), "Rename one of them");
    }
  }

  private static StructField field(JsonNode node, String parent, int index) {
    String position = "field " + (index + 1) + (parent.isEmpty() ? "" : " of '" + parent + "'");
    if (!node.isObject()) {
      throw error(position, "it is " + describe(node) + ", not an object", "Write each field as {\"name\":..,\"type\":..}");
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw error(position, "it has no \"name\" string", "Give every field a name");
    }
    String path = parent.isEmpty() ? name.asText() : parent + "." + name.asText();
    JsonNode type = node.get("type");
    if (type == null) {
      throw error("field '" + path + "'", "it has no \"type\"", "Give its type, e.g. \"type\":\"long\"");
    }
    JsonNode nullable = node.get("nullable");
    if (nullable != null && !nullable.isBoolean()) {
      throw error("field '" + path + "'", "\"nullable\" is " + describe(nullable) + ", not true or false",
          "Write \"nullable\":true or false");
    }
    return new StructField(name.asText(), type(type, path), nullable == null || nullable.asBoolean(),
        metadata(node.get("metadata"), path));
  }

  private static Map<String, String> metadata(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw error("field '" + path + "'", "\"metadata\" is " + describe(node) + ", not an object",
          "Write \"metadata\":{} or an object of key and value");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
    }
    return out;
  }

  private static DataType type(JsonNode node, String path) {
    if (node.isTextual()) {
      return named(node.asText(), path);
    }
    if (!node.isObject()) {
      throw error("field '" + path + "'", "its type is " + describe(node), "Use a type name or an array, map or struct object");
    }
    String kind = node.path("type").asText("");
    switch (kind) {
      case "struct":
        return struct(node, path);
      case "array":
        return new ArrayType(
            type(required(node, "elementType", path), path + ".element"), flag(node, "containsNull", path));
      case "map":
        return new MapType(
            type(required(node, "keyType", path), path + ".key"),
            type(required(node, "valueType", path), path + ".value"),
            flag(node, "valueContainsNull", path));
      default:
        throw error("field '" + path + "'", "its type object has \"type\":" + node.path("type"),
            "Use \"struct\", \"array\" or \"map\"");
    }
  }

  private static DataType named(String name, String path) {
    PrimitiveType p = PRIMITIVES.get(name);
    if (p != null) {
      return p;
    }
    Matcher m = DECIMAL.matcher(name);
    if (m.matches()) {
      try {
        return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (IllegalArgumentException e) {
        throw error("field '" + path + "'", e.getMessage().replaceAll("\\.$", ""), "Fix the decimal type");
      }
    }
    String hint = SQL_SPELLINGS.get(name.toLowerCase(Locale.ROOT));
    throw error("field '" + path + "'", "unknown type \"" + name + "\"" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"),
        "Use one of " + String.join(", ", PRIMITIVES.keySet()) + ", decimal(p,s), or an array, map or struct object");
  }

  private static JsonNode required(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw error("field '" + path + "'", "its " + node.path("type").asText() + " type has no \"" + key + "\"",
          "Add \"" + key + "\"");
    }
    return v;
  }

  private static boolean flag(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null) {
      return true;
    }
    if (!v.isBoolean()) {
      throw error("field '" + path + "'", "\"" + key + "\" is " + describe(v) + ", not true or false",
          "Write \"" + key + "\":true or false");
    }
    return v.asBoolean();
  }

  private static SchemaMismatchException error(String where, String reason, String fix) {
    return new SchemaMismatchException("Cannot parse schema JSON: " + where + ": " + reason + ". " + fix + ".");
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string " + node;
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.isNull() ? "null" : node.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "not valid JSON";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip().replaceAll("\\.$", "");
  }
}
