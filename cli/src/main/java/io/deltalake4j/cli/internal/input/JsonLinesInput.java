package io.deltalake4j.cli.internal.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltalake4j.Row;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * JSON Lines: one JSON object per line, keys as column names; blank lines are skipped. Decimal
 * numbers are read exactly (no detour through double), duplicate keys are an error.
 */
final class JsonLinesInput implements Input {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path path;
  private final String name;

  JsonLinesInput(Path path, String name) {
    this.path = path;
    this.name = name;
  }

  @Override
  public StructType inferSchema(int sampleRows) {
    JsonShape shape = new JsonShape();
    try (Lines lines = new Lines()) {
      for (int n = 0; n < sampleRows && lines.hasNext(); n++) {
        shape.observe(lines.next());
      }
    }
    StructType schema = shape.schema();
    if (schema.size() == 0) {
      throw new InputException("Cannot infer a schema from " + name + ": its first " + sampleRows
          + " lines hold no JSON object with a key. Check the file, or give --create-schema.");
    }
    return schema;
  }

  @Override
  public RowSource open(StructType schema) {
    Lines lines = new Lines();
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        return row(lines.next(), schema, lines.where());
      }

      @Override
      public void close() {
        lines.close();
      }
    };
  }

  private static Row row(JsonNode object, StructType schema, String where) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (schema.indexOf(key) < 0) {
        throw Records.unknownColumn(where, key, schema);
      }
    }
    Object[] values = new Object[schema.size()];
    try {
      for (int i = 0; i < values.length; i++) {
        StructField f = schema.field(i);
        values[i] = JsonValues.convert(object.get(f.name()), f.type(), f.name());
      }
    } catch (BadValue bad) {
      throw Records.bad(where, bad);
    }
    return Records.row(schema, values, where);
  }

  /** The file's JSON objects, line by line; blank lines skipped. */
  private final class Lines implements Iterator<JsonNode>, AutoCloseable {
    private final BufferedReader reader = Inputs.utf8(path, name);
    private long line;
    private long objectLine;
    private String next;
    private boolean closed;

    @Override
    public boolean hasNext() {
      while (next == null && !closed) {
        try {
          String text = reader.readLine();
          line++;
          if (text == null) {
            close();
          } else if (!text.isBlank()) {
            next = text;
          }
        } catch (IOException e) {
          close();
          throw Inputs.readFailure(name, line, e);
        }
      }
      return next != null;
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String text = next;
      next = null;
      objectLine = line;
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new InputException("Cannot read " + where() + ": it is not valid JSON (" + e.getOriginalMessage()
            + " at column " + e.getLocation().getColumnNr() + "). Fix the line: each line holds one JSON object.");
      }
      if (!node.isObject()) {
        throw new InputException("Cannot read " + where() + ": it is " + (node.isArray() ? "an array" : node.toString())
            + ", not a JSON object. Each line holds one object, e.g. {\"id\": 1, \"name\": \"a\"}.");
      }
      return node;
    }

    String where() {
      return "line " + objectLine + " of " + name;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        Inputs.closeQuietly(reader);
      }
    }
  }
}
