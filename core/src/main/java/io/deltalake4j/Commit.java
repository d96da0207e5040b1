package io.deltalake4j;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One entry of a table's history: the commit info of one version, as DESCRIBE HISTORY shows it. */
public final class Commit {

  private final long version;
  private final Instant timestamp;
  private final String operation;
  private final Map<String, String> operationParameters;
  private final Long readVersion;
  private final Boolean blindAppend;
  private final Map<String, String> operationMetrics;
  private final String engineInfo;
  private final String userMetadata;
  private final Map<String, String> commitProperties;

  /** Built by the library when it reads the log; nullable arguments are absent in the log. */
  public Commit(
      long version,
      Instant timestamp,
      String operation,
      Map<String, String> operationParameters,
      Long readVersion,
      Boolean blindAppend,
      Map<String, String> operationMetrics,
      String engineInfo,
      String userMetadata,
      Map<String, String> commitProperties) {
    this.version = version;
    this.timestamp = timestamp;
    this.operation = operation == null ? "" : operation;
    this.operationParameters = Collections.unmodifiableMap(new LinkedHashMap<>(operationParameters));
    this.readVersion = readVersion;
    this.blindAppend = blindAppend;
    this.operationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(operationMetrics));
    this.engineInfo = engineInfo;
    this.userMetadata = userMetadata;
    this.commitProperties = Collections.unmodifiableMap(new LinkedHashMap<>(commitProperties));
  }

  public long version() {
    return version;
  }

  /** The in-commit timestamp when the table records one, else the commit file's modification time. */
  public Instant timestamp() {
    return timestamp;
  }

  /** e.g. {@code WRITE}, {@code CREATE TABLE}, {@code DELETE}, {@code MERGE}; empty if not recorded. */
  public String operation() {
    return operation;
  }

  /**
   * The parameters as the log records them: lists and maps as JSON text (e.g. {@code partitionBy} is
   * {@code ["region"]}), in the log's order. Entries whose value is null in the log are left out.
   */
  public Map<String, String> operationParameters() {
    return operationParameters;
  }

  /** The version the writer read before committing; absent for creates and engines that omit it. */
  public OptionalLong readVersion() {
    return readVersion == null ? OptionalLong.empty() : OptionalLong.of(readVersion);
  }

  /** Whether the writer declared the commit a blind append; absent when not recorded. */
  public Optional<Boolean> isBlindAppend() {
    return Optional.ofNullable(blindAppend);
  }

  /** e.g. {@code numFiles}, {@code numOutputRows}; entries whose value is null in the log are left out. */
  public Map<String, String> operationMetrics() {
    return operationMetrics;
  }

  public Optional<String> engineInfo() {
    return Optional.ofNullable(engineInfo);
  }

  public Optional<String> userMetadata() {
    return Optional.ofNullable(userMetadata);
  }

  /**
   * The writer's own fields of the commit info (what {@code commitProperty(key, value)} records,
   * and {@code write_deltalake}'s custom metadata), in the log's order; a non-string value as its
   * JSON text.
   */
  public Map<String, String> commitProperties() {
    return commitProperties;
  }

  @Override
  public String toString() {
    return "Commit{version=" + version + ", timestamp=" + timestamp + ", operation=" + operation
        + ", operationParameters=" + operationParameters + "}";
  }
}
