package io.deltalake4j.cli.internal;

import io.deltalake4j.CommitResult;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a write did, as key/value lines for people or one JSON object. */
public final class CommitReport {
  private CommitReport() {}

  /** Two columns, key and value; counts grouped, bytes with a binary-unit size, duration in seconds. */
  public static void table(PrintWriter out, CommitResult r) {
    TextTable table = new TextTable(out, List.of(TextTable.Column.left("key"), TextTable.Column.left("value")), 0);
    table.add(Arrays.asList("version", Long.toString(r.version())));
    table.add(Arrays.asList("operation", r.operation()));
    table.add(Arrays.asList("outcome", r.outcome().name()));
    table.add(Arrays.asList("files added", Numbers.count(r.filesAdded())));
    table.add(Arrays.asList("files removed", Numbers.count(r.filesRemoved())));
    table.add(Arrays.asList("rows written", Numbers.count(r.rowsWritten())));
    table.add(Arrays.asList("rows copied", Numbers.count(r.rowsCopied())));
    table.add(Arrays.asList("bytes written", Numbers.bytes(r.bytesWritten())));
    table.add(Arrays.asList("duration", String.format(Locale.ROOT, "%.3f s", r.duration().toMillis() / 1000.0)));
    table.finish();
  }

  /** One JSON object on one line: the result's fields, the duration as {@code durationMs}. */
  public static void json(PrintWriter out, CommitResult r) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("version", r.version());
    f.put("operation", r.operation());
    f.put("outcome", r.outcome().name());
    f.put("filesAdded", r.filesAdded());
    f.put("filesRemoved", r.filesRemoved());
    f.put("rowsWritten", r.rowsWritten());
    f.put("rowsCopied", r.rowsCopied());
    f.put("bytesWritten", r.bytesWritten());
    f.put("durationMs", r.duration().toMillis());
    out.print(Json.compact(f));
    out.print('\n');
  }
}
