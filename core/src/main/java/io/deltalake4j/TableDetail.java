package io.deltalake4j;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DESCRIBE DETAIL shows for one version of a table.
 *
 * <p>{@code name}, {@code description} and {@code createdAt} are absent when the log does not
 * record them.
 */
public final class TableDetail {

  private final String location;
  private final String id;
  private final String name;
  private final String description;
  private final Instant createdAt;
  private final Instant lastModified;
  private final long version;
  private final long numFiles;
  private final long sizeInBytes;
  private final List<String> partitionColumns;
  private final Map<String, String> properties;
  private final Protocol protocol;

  /** Built by the library; nullable arguments are absent in the log. */
  public TableDetail(
      String location,
      String id,
      String name,
      String description,
      Instant createdAt,
      Instant lastModified,
      long version,
      long numFiles,
      long sizeInBytes,
      List<String> partitionColumns,
      Map<String, String> properties,
      Protocol protocol) {
    this.location = location;
    this.id = id;
    this.name = name;
    this.description = description;
    this.createdAt = createdAt;
    this.lastModified = lastModified;
    this.version = version;
    this.numFiles = numFiles;
    this.sizeInBytes = sizeInBytes;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.properties = Map.copyOf(properties);
    this.protocol = protocol;
  }

  /** Always {@code delta}. */
  public String format() {
    return "delta";
  }

  public String location() {
    return location;
  }

  public String id() {
    return id;
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** The timestamp of the version described. */
  public Instant lastModified() {
    return lastModified;
  }

  public long version() {
    return version;
  }

  public long numFiles() {
    return numFiles;
  }

  public long sizeInBytes() {
    return sizeInBytes;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  public Map<String, String> properties() {
    return properties;
  }

  public Protocol protocol() {
    return protocol;
  }

  public int minReaderVersion() {
    return protocol.minReaderVersion();
  }

  public int minWriterVersion() {
    return protocol.minWriterVersion();
  }
}
