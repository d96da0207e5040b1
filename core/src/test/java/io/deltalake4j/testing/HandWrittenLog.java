package io.deltalake4j.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a table's first commit by hand: for tables another writer (or a hostile one) could have
 * made but our API refuses to, such as partition columns with path characters in their names.
 */
public final class HandWrittenLog {
  private HandWrittenLog() {}

  /** A string or integer column for {@link #create}: {@code name -> "string" | "integer"}. */
  public static String field(String name, String type) {
    return "{\"name\":" + json(name) + ",\"type\":\"" + type + "\",\"nullable\":true,\"metadata\":{}}";
  }

  /**
   * Writes version 0 at {@code table}: a protocol of the given versions and a metaData action with
   * these fields, partition columns and configuration.
   */
  public static void create(
      String table, int minReader, int minWriter, List<String> fields, List<String> partitionColumns,
      Map<String, String> configuration) throws Exception {
    String schema = "{\"type\":\"struct\",\"fields\":[" + String.join(",", fields) + "]}";
    String log = String.join("\n",
        "{\"protocol\":{\"minReaderVersion\":" + minReader + ",\"minWriterVersion\":" + minWriter + "}}",
        "{\"metaData\":{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":" + json(schema) + ",\"partitionColumns\":["
            + partitionColumns.stream().map(HandWrittenLog::json).collect(Collectors.joining(",")) + "],"
            + "\"configuration\":{" + configuration.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                .collect(Collectors.joining(",")) + "},\"createdTime\":1}}",
        "");
    Path commit = new Path(table + "/_delta_log/00000000000000000000.json");
    FileSystem fs = commit.getFileSystem(new Configuration());
    fs.mkdirs(commit.getParent());
    try (FSDataOutputStream out = fs.create(commit, false)) {
      out.write(log.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
