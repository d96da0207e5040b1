package io.deltalake4j.cli.internal;

import io.deltalake4j.TableDetail;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What DESCRIBE DETAIL shows for a table, as key/value lines or one JSON object. */
public final class DetailReport {
  private DetailReport() {}

  /** Two columns, key and value; counts and sizes grouped, lists in brackets, maps as {@code {k=v, ...}}. */
  public static void table(PrintWriter out, TableDetail detail) {
    TextTable table = new TextTable(out, List.of(TextTable.Column.left("key"), TextTable.Column.left("value")), 0);
    fields(detail).forEach((key, value) -> table.add(Arrays.asList(key, text(key, value))));
    table.finish();
  }

  /** One JSON object, indented; absent values are null, timestamps in the {@link Scalars} text. */
  public static void json(PrintWriter out, TableDetail detail) {
    out.print(Json.pretty(fields(detail)));
    out.print('\n');
  }

  /** The detail's fields by name, in DESCRIBE DETAIL order; feature sets and properties sorted. */
  static Map<String, Object> fields(TableDetail d) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("format", d.format());
    f.put("location", d.location());
    f.put("id", d.id());
    f.put("name", d.name().orElse(null));
    f.put("description", d.description().orElse(null));
    f.put("createdAt", d.createdAt().map(Scalars::timestamp).orElse(null));
    f.put("lastModified", d.lastModified() == null ? null : Scalars.timestamp(d.lastModified()));
    f.put("version", d.version());
    f.put("numFiles", d.numFiles());
    f.put("sizeInBytes", d.sizeInBytes());
    f.put("partitionColumns", d.partitionColumns());
    f.put("properties", new TreeMap<>(d.properties()));
    f.put("minReaderVersion", d.minReaderVersion());
    f.put("minWriterVersion", d.minWriterVersion());
    f.put("readerFeatures", new ArrayList<>(new TreeSet<>(d.protocol().readerFeatures())));
    f.put("writerFeatures", new ArrayList<>(new TreeSet<>(d.protocol().writerFeatures())));
    return f;
  }

  private static String text(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (key.equals("numFiles")) {
      return Numbers.count((Long) value);
    }
    if (key.equals("sizeInBytes")) {
      return Numbers.bytes((Long) value);
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
    return value instanceof Instant i ? Scalars.timestamp(i) : value.toString();
  }
}
