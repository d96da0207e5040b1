package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.Commit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads commit info from the newest commit files only: lists {@code _delta_log} from the first
 * version wanted and reads one JSON file per version, so the cost grows with the limit, not with
 * the length of the log.
 */
final class HistoryReader {
  private HistoryReader() {}

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  private static final StructType COMMIT_INFO =
      new StructType()
          .add("timestamp", LongType.LONG)
          .add("inCommitTimestamp", LongType.LONG)
          .add("operation", StringType.STRING)
          .add("operationParameters", new MapType(StringType.STRING, StringType.STRING, true))
          .add("readVersion", LongType.LONG)
          .add("isBlindAppend", BooleanType.BOOLEAN)
          .add("operationMetrics", new MapType(StringType.STRING, StringType.STRING, true))
          .add("engineInfo", StringType.STRING)
          .add("userMetadata", StringType.STRING);

  private static final StructType SCHEMA = new StructType().add("commitInfo", COMMIT_INFO);

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
        commits.add(readOne(engine, f));
      }
      Collections.reverse(commits);
      return commits;
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("read the history of table " + snapshot.location(), e);
    }
  }

  private static Commit readOne(Engine engine, FileStatus file) throws IOException {
    String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
    long version = Long.parseLong(name.substring(0, 20));
    try (CloseableIterator<ColumnarBatch> batches =
        engine.getJsonHandler().readJsonFiles(Utils.singletonCloseableIterator(file), SCHEMA, Optional.empty())) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row row = rows.next();
            if (!row.isNullAt(0)) {
              return toCommit(version, file, row.getStruct(0));
            }
          }
        }
      }
    }
    return new Commit(version, Instant.ofEpochMilli(file.getModificationTime()), "", Map.of(), null, null, Map.of(), null, null);
  }

  private static Commit toCommit(long version, FileStatus file, Row ci) {
    long millis = ci.isNullAt(1) ? file.getModificationTime() : ci.getLong(1);
    return new Commit(
        version,
        Instant.ofEpochMilli(millis),
        ci.isNullAt(2) ? "" : ci.getString(2),
        map(ci, 3),
        ci.isNullAt(4) ? null : ci.getLong(4),
        ci.isNullAt(5) ? null : ci.getBoolean(5),
        map(ci, 6),
        ci.isNullAt(7) ? null : ci.getString(7),
        ci.isNullAt(8) ? null : ci.getString(8));
  }

  private static Map<String, String> map(Row row, int ordinal) {
    if (row.isNullAt(ordinal)) {
      return Map.of();
    }
    MapValue m = row.getMap(ordinal);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < m.getSize(); i++) {
      if (!m.getValues().isNullAt(i)) {
        out.put(m.getKeys().getString(i), m.getValues().getString(i));
      }
    }
    return out;
  }
}
