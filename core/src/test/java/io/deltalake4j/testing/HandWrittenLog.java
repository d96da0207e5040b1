package io.deltalake4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * A Delta log written by hand, for tables no writer of ours would make: a {@code metaData} action
 * without a schema, long histories of empty commits, partition columns with path characters in
 * their names, CHECK constraints. Each commit holds the lines given.
 */
public final class HandWrittenLog {

  public static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";

  /** A metaData action with table id {@code id} and no {@code schemaString}, which Spark tolerates. */
  public static String metadataWithoutSchema(String id) {
    return "{\"metaData\":{\"id\":\"" + id + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"partitionColumns\":[],\"configuration\":{\"owner\":\"hand\"},\"createdTime\":1700000000000}}";
  }

  /** A metaData action with one long column {@code id}. */
  public static String metadataWithIdColumn(String id) {
    return "{\"metaData\":{\"id\":\"" + id + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\","
        + "\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}\","
        + "\"partitionColumns\":[],\"configuration\":{},\"createdTime\":1700000000000}}";
  }

  /** A commitInfo action for {@code operation} committed at {@code millis}. */
  public static String commitInfo(String operation, long millis) {
    return "{\"commitInfo\":{\"timestamp\":" + millis + ",\"operation\":\"" + operation
        + "\",\"operationParameters\":{},\"engineInfo\":\"hand-written\"}}";
  }

  private final Path log;

  private HandWrittenLog(Path table) {
    this.log = table.resolve("_delta_log");
  }

  /** The log of a new table in the local directory {@code table}. */
  public static HandWrittenLog at(Path table) {
    try {
      Files.createDirectories(table.resolve("_delta_log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HandWrittenLog(table);
  }

  /** Writes commit {@code version} with these action lines. */
  public HandWrittenLog commit(long version, String... lines) {
    try {
      Files.write(log.resolve(String.format("%020d.json", version)), List.of(lines), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

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
    org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(table + "/_delta_log/00000000000000000000.json");
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
