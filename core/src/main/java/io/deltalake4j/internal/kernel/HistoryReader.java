package io.deltalake4j.internal.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.Commit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
 * the length of the log. The commitInfo line is parsed whole, so fields beyond Spark's (a writer's
 * custom commit properties) come through too.
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
          JsonNode info = JSON.readTree(line).get("commitInfo");
          if (info != null && info.isObject()) {
            return toCommit(version, file, info);
          }
        }
      }
    }
    return new Commit(version, Instant.ofEpochMilli(file.getModificationTime()), "", Map.of(), null, null, Map.of(),
        null, null, Map.of());
  }

  private static Commit toCommit(long version, FileStatus file, JsonNode ci) {
    JsonNode ict = ci.get("inCommitTimestamp");
    long millis = ict != null && ict.isNumber() ? ict.asLong() : file.getModificationTime();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ci.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!KNOWN.contains(f.getKey()) && !f.getValue().isNull()) {
        properties.put(f.getKey(), text(f.getValue()));
      }
    }
    return new Commit(
        version,
        Instant.ofEpochMilli(millis),
        string(ci, "operation", ""),
        map(ci.get("operationParameters")),
        ci.hasNonNull("readVersion") ? ci.get("readVersion").asLong() : null,
        ci.hasNonNull("isBlindAppend") ? ci.get("isBlindAppend").asBoolean() : null,
        map(ci.get("operationMetrics")),
        string(ci, "engineInfo", null),
        string(ci, "userMetadata", null),
        properties);
  }

  private static String string(JsonNode node, String field, String absent) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? absent : text(v);
  }

  /** A string value as is; any other JSON value as its JSON text. */
  private static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  /** A JSON object of the log as a string map, in the log's order; null values left out. */
  private static Map<String, String> map(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          out.put(e.getKey(), text(e.getValue()));
        }
      });
    }
    return out;
  }
}
