package io.deltalake4j;

import io.deltalake4j.filter.Filter;
import io.deltalake4j.internal.kernel.ScanRunner;
import io.deltalake4j.types.StructType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scan of a table: which version, which columns, which rows. Immutable and thread-safe: every
 * refinement returns a new scan, and nothing is read until {@link #rows()}, {@link #count()},
 * {@link #toList()} or {@link #plan()}.
 *
 * <p>Partition pruning and min/max statistics skip files that cannot match; the filter is then
 * applied to every row read, so results are exact, with SQL semantics (null never matches).
 */
public final class Scan {

  static {
    io.deltalake4j.internal.ScanAccess.register(Scan::runner);
  }

  private final DeltaTable table;
  private final List<String> columns;
  private final Filter filter;
  private final long limit;

  Scan(DeltaTable table) {
    this(table, null, null, -1);
  }

  private Scan(DeltaTable table, List<String> columns, Filter filter, long limit) {
    this.table = table;
    this.columns = columns;
    this.filter = filter;
    this.limit = limit;
  }

  /** Returns only these columns (partition columns included), in this order. */
  public Scan select(String... columns) {
    return select(Arrays.asList(columns));
  }

  /** Returns only these columns (partition columns included), in this order. */
  public Scan select(List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Invalid selection: no columns. Select at least one column.");
    }
    List<String> copy = new ArrayList<>(columns.size());
    for (String c : columns) {
      Objects.requireNonNull(c, "column");
      if (copy.contains(c)) {
        throw new IllegalArgumentException("Invalid selection: column '" + c + "' is selected twice.");
      }
      copy.add(c);
    }
    return new Scan(table, List.copyOf(copy), filter, limit);
  }

  /** Keeps the rows that match; a second call ANDs onto the first. */
  public Scan where(Filter filter) {
    Objects.requireNonNull(filter, "filter");
    return new Scan(table, columns, this.filter == null ? filter : this.filter.and(filter), limit);
  }

  /** Keeps the rows that match the SQL text (see {@link Filter#parse}); ANDs onto earlier filters. */
  public Scan where(String sqlFilter) {
    return where(Filter.parse(sqlFilter));
  }

  /**
   * Reads this version of the table instead of the table's pinned version. The version is loaded
   * now, once, and used by every run of the returned scan.
   *
   * @throws io.deltalake4j.exceptions.VersionNotFoundException if the table has no such version
   */
  public Scan asOfVersion(long version) {
    return new Scan(table.asOfVersion(version), columns, filter, limit);
  }

  /**
   * Reads the latest version committed at or before this instant, loaded now, once.
   *
   * @throws io.deltalake4j.exceptions.VersionNotFoundException if the instant is before the first
   *     commit or after the latest one
   */
  public Scan asOfTimestamp(Instant timestamp) {
    Objects.requireNonNull(timestamp, "timestamp");
    return new Scan(table.asOfTimestamp(timestamp), columns, filter, limit);
  }

  /** Returns at most {@code n} rows. */
  public Scan limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("Invalid limit: " + n + ". Use 0 or more.");
    }
    return new Scan(table, columns, filter, n);
  }

  /** The version this scan reads. */
  public long version() {
    return table.version();
  }

  /** The filter so far, if any. */
  public Optional<Filter> filter() {
    return Optional.ofNullable(filter);
  }

  /** The schema of the rows this scan returns. */
  public StructType schema() {
    return runner().schema();
  }

  /**
   * Opens the rows. The caller closes the iterator. A scan without a filter reads every file of the
   * version; once it has listed them all, it checks their number and total size against the
   * version's checksum file ({@code _delta_log/N.crc}) where there is one, and the iterator throws
   * {@link io.deltalake4j.exceptions.CorruptFileException} if they differ. {@link #count()} without
   * a filter checks the same way.
   *
   * @throws io.deltalake4j.exceptions.ColumnNotFoundException for unknown columns
   * @throws io.deltalake4j.exceptions.InvalidFilterException for literals that do not fit their column
   */
  public RowIterator rows() {
    return runner().rows();
  }

  /** All matching rows in memory. For small results; use {@link #rows()} to stream. */
  public List<Row> toList() {
    List<Row> out = new ArrayList<>();
    try (RowIterator it = rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  /** The number of matching rows; from file statistics alone when no row filter is needed. */
  public long count() {
    return runner().count();
  }

  /** What the scan would read, without reading data: files in the snapshot, pruned and skipped. */
  public ScanMetrics plan() {
    return runner().plan(0, 0, 0, 0);
  }

  private ScanRunner runner() {
    return table.snapshot().scan(columns, filter, limit);
  }

  @Override
  public String toString() {
    return "Scan{table=" + table.location() + ", columns=" + (columns == null ? "*" : columns)
        + ", filter=" + filter + ", version=" + table.version()
        + (limit >= 0 ? ", limit=" + limit : "") + "}";
  }
}
