package io.deltalake4j.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a table's {@code _delta_log} directly through Hadoop's FileSystem ({@code file:} or
 * {@code hdfs:}), independent of Spark, Delta and Kernel, to check what a fixture really wrote.
 */
final class DeltaLogFiles {
  static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
  static final Pattern CLASSIC_CHECKPOINT = Pattern.compile("\\d{20}\\.checkpoint(\\.\\d{10}\\.\\d{10})?\\.parquet");
  static final Pattern V2_CHECKPOINT =
      Pattern.compile("\\d{20}\\.checkpoint\\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.(json|parquet)");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path logDir;
  private final FileSystem fs;

  private DeltaLogFiles(Path logDir, FileSystem fs) {
    this.logDir = logDir;
    this.fs = fs;
  }

  /** The log of the table at {@code tablePath}, read with {@code conf}. */
  static DeltaLogFiles of(String tablePath, Configuration conf) {
    Path logDir = new Path(tablePath, "_delta_log");
    try {
      return new DeltaLogFiles(logDir, logDir.getFileSystem(conf));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the Delta log at " + logDir, e);
    }
  }

  /** The log of {@code tablePath}, read with the running Spark session's Hadoop configuration. */
  static DeltaLogFiles of(String tablePath) {
    return of(tablePath, SparkFixture.session().sparkContext().hadoopConfiguration());
  }

  /** Names of the files directly in {@code _delta_log}, sorted. */
  List<String> fileNames() {
    try {
      List<String> names = new ArrayList<>();
      for (FileStatus status : fs.listStatus(logDir)) {
        if (status.isFile()) {
          names.add(status.getPath().getName());
        }
      }

      Collections.sort(names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + logDir, e);
    }
  }

  /** Names of the log files matching {@code pattern}, sorted. */
  List<String> fileNames(Pattern pattern) {
    return fileNames().stream().filter(name -> pattern.matcher(name).matches()).toList();
  }

  /** Names of the table's top-level directories other than {@code _delta_log}, sorted. */
  List<String> partitionDirectories() {
    try {
      List<String> names = new ArrayList<>();
      for (FileStatus status : fs.listStatus(logDir.getParent())) {
        if (status.isDirectory() && !status.getPath().getName().equals("_delta_log")) {
          names.add(status.getPath().getName());
        }
      }

      Collections.sort(names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + logDir.getParent(), e);
    }
  }

  /** Names of the files in {@code _delta_log/_sidecars} (v2 checkpoints), sorted; empty if none. */
  List<String> sidecarNames() {
    Path sidecars = new Path(logDir, "_sidecars");
    try {
      if (!fs.exists(sidecars)) {
        return List.of();
      }

      List<String> names = new ArrayList<>();
      for (FileStatus status : fs.listStatus(sidecars)) {
        names.add(status.getPath().getName());
      }

      Collections.sort(names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + sidecars, e);
    }
  }

  /** Number of commit files ({@code NNN.json}) in the log. */
  int commitCount() {
    return fileNames(COMMIT).size();
  }

  /** Every action of every commit file still in the log, in version order. */
  List<JsonNode> actions() {
    List<JsonNode> actions = new ArrayList<>();
    for (String name : fileNames(COMMIT)) {
      actions.addAll(readJsonLines(new Path(logDir, name)));
    }

    return actions;
  }

  /** The {@code add} actions of every commit that carry a deletion vector descriptor. */
  List<JsonNode> addsWithDeletionVectors() {
    return actions().stream()
        .filter(a -> a.has("add") && a.get("add").hasNonNull("deletionVector"))
        .toList();
  }

  /** The parsed {@code stats} of every {@code add} action in the commit files, in version order. */
  List<JsonNode> statsOfAdds() {
    List<JsonNode> stats = new ArrayList<>();
    for (JsonNode a : actions()) {
      if (a.has("add") && a.get("add").hasNonNull("stats")) {
        try {
          stats.add(JSON.readTree(a.get("add").get("stats").asText()));
        } catch (IOException e) {
          throw new UncheckedIOException("Invalid stats JSON in " + logDir + ": " + a, e);
        }
      }
    }

    return stats;
  }

  /** Number of {@code remove} actions over all commits. */
  long removeCount() {
    return actions().stream().filter(a -> a.has("remove")).count();
  }

  /** The schema, parsed, of the newest {@code metaData} action in the commit files. */
  JsonNode latestSchema() {
    JsonNode latest = null;
    for (JsonNode action : actions()) {
      if (action.has("metaData")) {
        latest = action.get("metaData");
      }
    }

    if (latest == null) {
      throw new IllegalStateException("No metaData action in the commits of " + logDir);
    }

    try {
      return JSON.readTree(latest.get("schemaString").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("Invalid schemaString in " + logDir, e);
    }
  }

  /** The table configuration of the newest {@code metaData} action in the commit files. */
  JsonNode latestConfiguration() {
    JsonNode latest = null;
    for (JsonNode action : actions()) {
      if (action.has("metaData")) {
        latest = action.get("metaData").get("configuration");
      }
    }

    if (latest == null) {
      throw new IllegalStateException("No metaData action in the commits of " + logDir);
    }

    return latest;
  }

  private List<JsonNode> readJsonLines(Path file) {
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }

    return lines;
  }
}
