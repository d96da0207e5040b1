package io.deltalake4j.internal.kernel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.Commit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads commit info from the newest commit files only: lists {@code _delta_log} from the first
 * version wanted and reads one JSON file per version, so the cost grows with the limit, not with
 * the length of the log. Every top-level field of the commitInfo is read, so fields beyond Spark's (a
 * writer's custom commit properties) come through too; nested values come through as their JSON
 * text, copied as a stream so that no depth of nesting can exhaust the stack.
 */
final class HistoryReader {
  private HistoryReader() {}

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields read into Commit's own accessors, or engine bookkeeping; every other field is a commit property. */
  private static final Set<String> KNOWN = Set.of(
      "inCommitTimestamp", "timestamp", "operation", "operationParameters", "readVersion", "isBlindAppend",
      "operationMetrics", "engineInfo", "userMetadata", "userId", "userName", "job", "notebook", "clusterId",
      "isolationLevel", "txnId", "tags");

  static List<Commit> read(TableSnapshot snapshot, int limit) {
    long end = snapshot.version();
    long start = Math.max(0, end - limit + 1);
    String logDir = snapshot.location() + "/_delta_log/";
    Engine engine = snapshot.engine();
    List<FileStatus> files = new ArrayList<>();
    try (CloseableIterator<FileStatus> it =
        engine.getFileSystemClient().listFrom(logDir + String.format("%020d.json", start))) {
      while (it.hasNext()) {
        FileStatus f = it.next();
        String name = f.getPath().substring(f.getPath().lastIndexOf('/') + 1);
        if (COMMIT_FILE.matcher(name).matches()) {
          long v = Long.parseLong(name.substring(0, 20));
          if (v >= start && v <= end) {
            files.add(f);
          }
        }
      }
      List<Commit> commits = new ArrayList<>(files.size());
      for (FileStatus f : files) {
        commits.add(readOne(snapshot, f));
      }
      Collections.reverse(commits);
      return commits;
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("read the history of table " + snapshot.location(), e);
    }
  }

  private static Commit readOne(TableSnapshot snapshot, FileStatus file) throws IOException {
    String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
    long version = Long.parseLong(name.substring(0, 20));
    Path path = new Path(file.getPath());
    FileSystem fs = path.getFileSystem(snapshot.table().engine().conf());
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.contains("\"commitInfo\"")) {
          Map<String, Value> info = commitInfo(line);
          if (info != null) {
            return toCommit(version, file, info);
          }
        }
      }
    }
    return new Commit(version, Instant.ofEpochMilli(file.getModificationTime()), "", Map.of(), null, null, Map.of(),
        null, null, Map.of());
  }

  /**
   * The fields of the line's top-level {@code commitInfo} object, or null if the line has none.
   * Parsed as a stream, never as a tree: a value nested however deep (Spark writes such a commit
   * without complaint) costs no stack, only its text.
   */
  private static Map<String, Value> commitInfo(String line) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Value> info = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        JsonToken token = p.nextToken();
        if (field.equals("commitInfo") && token == JsonToken.START_OBJECT) {
          info = fields(p, Set.of("operationParameters", "operationMetrics"));
        } else {
          p.skipChildren();
        }
      }
      return info;
    }
  }

  /**
   * The fields of the object the parser is at (on its START_OBJECT), in order, a repeated name
   * keeping its last value as a tree would. Fields named in {@code objects} that hold an object
   * keep its fields too.
   */
  private static Map<String, Value> fields(JsonParser p, Set<String> objects) throws IOException {
    Map<String, Value> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.getCurrentName();
      JsonToken token = p.nextToken();
      if (objects.contains(field) && token == JsonToken.START_OBJECT) {
        out.put(field, Value.object(fields(p, Set.of())));
      } else if (token.isStructStart()) {
        out.put(field, Value.nested(compactJson(p)));
      } else {
        out.put(field, Value.scalar(p.readValueAsTree()));
      }
    }
    return out;
  }

  /**
   * The array or object the parser is at, as compact JSON text exactly as Jackson prints the
   * same value read as a tree, but copied token by token, without recursion. Leaves the parser
   * on the value's closing token.
   */
  private static String compactJson(JsonParser p) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      int depth = 0;
      do {
        JsonToken token = p.currentToken();
        g.copyCurrentEvent(p);
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      } while (depth > 0 && p.nextToken() != null);
    }
    return text.toString();
  }

  /**
   * A field's value: a scalar as Jackson reads it, a nested array or object as its JSON text, or,
   * for the maps Commit exposes, an object's own fields.
   */
  private record Value(JsonNode scalar, String json, Map<String, Value> fields) {
    static Value scalar(JsonNode node) {
      return new Value(node, null, null);
    }

    static Value nested(String json) {
      return new Value(null, json, null);
    }

    static Value object(Map<String, Value> fields) {
      return new Value(null, null, fields);
    }

    boolean isNull() {
      return scalar != null && scalar.isNull();
    }

    boolean isNumber() {
      return scalar != null && scalar.isNumber();
    }

    /** A scalar's long value as JsonNode.asLong gives it; 0 for an array or object. */
    long asLong() {
      return scalar == null ? 0 : scalar.asLong();
    }

    /** A scalar's boolean value as JsonNode.asBoolean gives it; false for an array or object. */
    boolean asBoolean() {
      return scalar != null && scalar.asBoolean();
    }

    /** A string value as is; any other JSON value as its JSON text. */
    String text() {
      if (scalar != null) {
        return scalar.isTextual() ? scalar.asText() : scalar.toString();
      }
      if (json != null) {
        return json;
      }
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, Value> e : fields.entrySet()) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append(new TextNode(e.getKey())).append(':');
        out.append(e.getValue().scalar != null ? e.getValue().scalar.toString() : e.getValue().text());
      }
      return out.append('}').toString();
    }
  }

  private static Commit toCommit(long version, FileStatus file, Map<String, Value> ci) {
    Value ict = ci.get("inCommitTimestamp");
    long millis = ict != null && ict.isNumber() ? ict.asLong() : file.getModificationTime();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Map.Entry<String, Value> f : ci.entrySet()) {
      if (!KNOWN.contains(f.getKey()) && !f.getValue().isNull()) {
        properties.put(f.getKey(), f.getValue().text());
      }
    }
    return new Commit(
        version,
        Instant.ofEpochMilli(millis),
        string(ci, "operation", ""),
        map(ci.get("operationParameters")),
        present(ci, "readVersion") ? ci.get("readVersion").asLong() : null,
        present(ci, "isBlindAppend") ? ci.get("isBlindAppend").asBoolean() : null,
        map(ci.get("operationMetrics")),
        string(ci, "engineInfo", null),
        string(ci, "userMetadata", null),
        properties);
  }

  private static boolean present(Map<String, Value> node, String field) {
    Value v = node.get(field);
    return v != null && !v.isNull();
  }

  private static String string(Map<String, Value> node, String field, String absent) {
    return present(node, field) ? node.get(field).text() : absent;
  }

  /** A JSON object of the log as a string map, in the log's order; null values left out. */
  private static Map<String, String> map(Value value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value != null && value.fields() != null) {
      value.fields().forEach((k, v) -> {
        if (!v.isNull()) {
          out.put(k, v.text());
        }
      });
    }
    return out;
  }
}
