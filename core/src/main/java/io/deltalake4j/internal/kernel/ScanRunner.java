package io.deltalake4j.internal.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.DeletionVectorDescriptor;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.RowIterator;
import io.deltalake4j.ScanMetrics;
import io.deltalake4j.exceptions.ColumnNotFoundException;
import io.deltalake4j.exceptions.UnsupportedFeatureException;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.internal.filter.FilterBinder;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scan of a pinned snapshot: projection, filter (bound and translated once) and limit, with
 * the ways to run it (rows, count, plan).
 */
public final class ScanRunner {

  private static final Pattern NUM_RECORDS = Pattern.compile("\"numRecords\"\\s*:\\s*(\\d+)");

  private final TableSnapshot snapshot;
  private final StructType outputSchema;
  private final io.delta.kernel.types.StructType readSchema;
  private final Filter boundFilter;
  /** The conjuncts of the filter Kernel may skip files with; null if none. */
  private final Filter skippableFilter;
  private final Predicate predicate;
  /** The conjuncts applied to rows only ({@link WidenedColumns}); null if none. */
  private final Predicate rowOnlyPredicate;
  private final long limit;

  private ScanRunner(
      TableSnapshot snapshot,
      StructType outputSchema,
      io.delta.kernel.types.StructType readSchema,
      Filter boundFilter,
      Filter skippableFilter,
      Predicate predicate,
      Predicate rowOnlyPredicate,
      long limit) {
    this.snapshot = snapshot;
    this.outputSchema = outputSchema;
    this.readSchema = readSchema;
    this.boundFilter = boundFilter;
    this.skippableFilter = skippableFilter;
    this.predicate = predicate;
    this.rowOnlyPredicate = rowOnlyPredicate;
    this.limit = limit;
  }

  /**
   * @param columns the columns to return, or null for all
   * @param filter the row filter, or null
   * @param limit the most rows to return, or -1
   */
  static ScanRunner create(TableSnapshot snapshot, List<String> columns, Filter filter, long limit) {
    StructType tableSchema = snapshot.schema();
    List<String> output = columns == null ? tableSchema.fieldNames() : columns;
    for (String c : output) {
      if (tableSchema.indexOf(c) < 0) {
        throw new ColumnNotFoundException(
            "Cannot select column '" + c + "' from table " + snapshot.location() + ": the table has columns "
                + tableSchema.fieldNames() + ". Check the spelling; names are case-sensitive.");
      }
    }
    StructType outputSchema = tableSchema.select(output);
    Filter bound = filter == null ? null : FilterBinder.bind(filter, tableSchema);
    Set<String> readColumns = new LinkedHashSet<>(output);
    if (bound != null) {
      readColumns.addAll(FilterBinder.topLevelColumns(bound));
    }
    addDataColumnIfNoneRead(readColumns, snapshot);
    io.delta.kernel.types.StructType kernelSchema = snapshot.kernel().getSchema();
    List<io.delta.kernel.types.StructField> fields = new ArrayList<>();
    for (String c : readColumns) {
      fields.add(VariantColumns.physical(kernelSchema.get(c)));
    }
    Set<String> rowOnlyColumns = WidenedColumns.fromDate(kernelSchema);
    Filter skippable = bound == null ? null : conjunctsWhere(bound, c -> java.util.Collections.disjoint(c, rowOnlyColumns));
    Filter rowOnly = bound == null ? null : conjunctsWhere(bound, c -> !java.util.Collections.disjoint(c, rowOnlyColumns));
    return new ScanRunner(
        snapshot, outputSchema, new io.delta.kernel.types.StructType(fields), bound, skippable,
        skippable == null ? null : KernelPredicates.toKernel(skippable, tableSchema),
        rowOnly == null ? null : KernelPredicates.toKernel(rowOnly, tableSchema),
        limit);
  }

  /**
   * Parquet must be asked for at least one column to learn row counts, so a scan that reads only
   * partition columns also reads the table's first data column (and drops it from the output).
   */
  private static void addDataColumnIfNoneRead(Set<String> readColumns, TableSnapshot snapshot) {
    List<String> partitions = snapshot.partitionColumns();
    if (readColumns.stream().noneMatch(c -> !partitions.contains(c))) {
      readColumns.add(cheapestDataColumn(snapshot));
    }
  }

  /** The data column that costs least to decode: a narrow primitive if there is one, never a variant. */
  private static String cheapestDataColumn(TableSnapshot snapshot) {
    List<String> partitions = snapshot.partitionColumns();
    return snapshot.schema().fields().stream()
        .filter(f -> !partitions.contains(f.name()) && !Schemas.containsVariant(f.type()))
        .min(java.util.Comparator.comparingInt(f -> decodeCost(f.type())))
        .map(StructField::name)
        .orElseThrow(() -> new UnsupportedFeatureException(
            "Cannot read table " + snapshot.location() + ": it has no data column but variants to count rows with. "
                + "Select a variant column."));
  }

  private static int decodeCost(io.deltalake4j.types.DataType type) {
    if (type instanceof io.deltalake4j.types.PrimitiveType p) {
      return switch (p) {
        case BOOLEAN, BYTE, SHORT, INT, DATE, FLOAT -> 1;
        case LONG, DOUBLE, TIMESTAMP, TIMESTAMP_NTZ -> 2;
        case STRING, BINARY -> 4;
        case VARIANT -> 100;
      };
    }
    return type instanceof io.deltalake4j.types.DecimalType ? 3 : 10;
  }

  public StructType schema() {
    return outputSchema;
  }

  public long version() {
    return snapshot.version();
  }

  Scan newKernelScan(Predicate filter) {
    ScanBuilder builder = snapshot.kernel().getScanBuilder().withReadSchema(readSchema);
    if (filter != null) {
      builder = builder.withFilter(filter);
    }
    return builder.build();
  }

  /** Batches of matching rows, the row filter already applied to each batch's selection. */
  public FileBatches batches() {
    return new FileBatches(snapshot, newKernelScan(predicate), kernelReader(), Optional.empty(),
        Optional.ofNullable(rowOnlyPredicate), predicate == null);
  }

  /**
   * Kernel's Parquet reader for this scan's data files. On tables whose writers may shred variants
   * (the variantShredding feature) it puts shredded variants back together ({@link ShreddedVariants}),
   * which costs a footer read per file of a scan that reads a variant column.
   */
  public DataFileReader kernelReader() {
    DataFileReader kernel = FileBatches.kernelReader(snapshot.engine());
    Set<String> readerFeatures = snapshot.protocol().readerFeatures();
    boolean mayShred = VariantColumns.SHREDDING_FEATURES.stream().anyMatch(readerFeatures::contains);
    return mayShred ? ShreddedVariants.reading(kernel, hadoopConf()) : kernel;
  }

  /**
   * Like {@link #batches()}, decoding data files with {@code reader}, which is given the filter to
   * skip row groups with (on tables without column mapping, where logical names are physical).
   */
  public FileBatches batches(DataFileReader reader) {
    boolean mapped = !"none".equals(snapshot.kernel().getTableProperties().getOrDefault("delta.columnMapping.mode", "none"));
    Predicate onData = mapped ? null : dataOnlyPredicate();
    return new FileBatches(snapshot, newKernelScan(predicate), reader, Optional.ofNullable(onData),
        Optional.ofNullable(rowOnlyPredicate), predicate == null);
  }

  /** The columns read: the output's, then the filter's. */
  public io.delta.kernel.types.StructType readSchema() {
    return readSchema;
  }

  /** The most rows the scan returns, or -1. */
  public long limit() {
    return limit;
  }

  /** The Hadoop configuration of the scan's lake. */
  public org.apache.hadoop.conf.Configuration hadoopConf() {
    return snapshot.table().engine().conf();
  }

  /** The engine of the scan's table. */
  public io.delta.kernel.engine.Engine engine() {
    return snapshot.engine();
  }

  /** The table's location, for messages. */
  public String location() {
    return snapshot.location();
  }

  public RowIterator rows() {
    return new ScanRowIterator(this, batches(), outputSchema, readSchema, limit);
  }

  /** Counts matching rows; answered from file statistics when no row filter remains. */
  public long count() {
    Scan scan = newKernelScan(predicate);
    if (scan.getRemainingFilter().isEmpty() && rowOnlyPredicate == null) {
      long fromStats = countFromStats(scan);
      if (fromStats >= 0) {
        return limit >= 0 ? Math.min(limit, fromStats) : fromStats;
      }
    }
    long n = 0;
    try (FileBatches batches = countingRunner().batches()) {
      while (batches.hasNext()) {
        n += FileBatches.selectedCount(batches.next());
        if (limit >= 0 && n >= limit) {
          return limit;
        }
      }
    }
    return n;
  }

  /** This scan reading only what counting needs: the filter's columns, or the cheapest column. */
  private ScanRunner countingRunner() {
    List<String> columns = boundFilter == null
        ? List.of(cheapestDataColumn(snapshot))
        : List.copyOf(FilterBinder.topLevelColumns(boundFilter));
    return create(snapshot, columns, boundFilter, limit);
  }

  /**
   * The sum of numRecords less deleted rows over the planned files, or -1 if a file has no stats.
   * Without a filter, every file is listed, and the listing is checked against the version's
   * checksum file.
   */
  private long countFromStats(Scan scan) {
    long total = 0;
    long listedFiles = 0;
    long listedBytes = 0;
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(snapshot.engine(), true)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> rows = files.next().getRows()) {
          while (rows.hasNext()) {
            Row scanFile = rows.next();
            Row add = scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
            int statsOrdinal = InternalScanFileUtils.ADD_FILE_STATS_ORDINAL;
            if (add.isNullAt(statsOrdinal)) {
              return -1;
            }
            Matcher m = NUM_RECORDS.matcher(add.getString(statsOrdinal));
            if (!m.find()) {
              return -1;
            }
            long records = Long.parseLong(m.group(1));
            listedFiles++;
            listedBytes += InternalScanFileUtils.getAddFileStatus(scanFile).getSize();
            DeletionVectorDescriptor dv = InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile);
            total += records - (dv == null ? 0 : dv.getCardinality());
          }
        }
      }
    } catch (IOException e) {
      throw KernelErrors.translate("count rows of table " + snapshot.location(), e);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("count rows of table " + snapshot.location(), e);
    }
    if (predicate == null) {
      long listed = listedFiles;
      long size = listedBytes;
      VersionChecksum.of(snapshot).ifPresent(crc -> crc.verify(listed, size));
    }
    return total;
  }

  /**
   * The planning half of the metrics: files in the snapshot, pruned by partition values, skipped
   * by statistics. Costs up to three listings of the snapshot's files, so it is computed on request.
   */
  public ScanMetrics plan(long filesRead, long bytesRead, long rowsRead, long rowsReturned) {
    long total = countFiles(newKernelScan(null));
    Predicate partitionOnly = partitionOnlyPredicate();
    long afterPartitions = partitionOnly == null ? total : countFiles(newKernelScan(partitionOnly));
    long planned =
        predicate == null ? total : predicate == partitionOnly ? afterPartitions : countFiles(newKernelScan(predicate));
    return new ScanMetrics(
        snapshot.version(), total, total - afterPartitions, afterPartitions - planned,
        filesRead, bytesRead, rowsRead, rowsReturned);
  }

  /** The conjuncts of the filter that name data columns only: what a file's row groups can be skipped by. */
  private Predicate dataOnlyPredicate() {
    List<String> partitions = snapshot.partitionColumns();
    return conjunctsWhere(columns -> columns.stream().noneMatch(partitions::contains));
  }

  /** The conjuncts of the filter that name only partition columns, as Kernel prunes them. */
  private Predicate partitionOnlyPredicate() {
    List<String> partitions = snapshot.partitionColumns();
    return conjunctsWhere(partitions::containsAll);
  }

  /** The AND of the skippable conjuncts whose top-level columns {@code keep} accepts, or null if none. */
  private Predicate conjunctsWhere(java.util.function.Predicate<Set<String>> keep) {
    if (skippableFilter == null) {
      return null;
    }
    Filter kept = conjunctsWhere(skippableFilter, keep);
    if (kept == null) {
      return null;
    }
    return kept == skippableFilter ? predicate : KernelPredicates.toKernel(kept, snapshot.schema());
  }

  /** The AND of the conjuncts of {@code filter} whose top-level columns {@code keep} accepts; {@code filter} if all, null if none. */
  private static Filter conjunctsWhere(Filter filter, java.util.function.Predicate<Set<String>> keep) {
    List<Filter> conjuncts = new ArrayList<>();
    splitAnd(filter, conjuncts);
    Filter kept = null;
    boolean all = true;
    for (Filter c : conjuncts) {
      if (keep.test(FilterBinder.topLevelColumns(c))) {
        kept = kept == null ? c : kept.and(c);
      } else {
        all = false;
      }
    }
    return all ? filter : kept;
  }

  private static void splitAnd(Filter f, List<Filter> out) {
    if (f instanceof Filter.And a) {
      splitAnd(a.left(), out);
      splitAnd(a.right(), out);
    } else {
      out.add(f);
    }
  }

  private long countFiles(Scan scan) {
    return forEachFile(snapshot, scan, status -> {});
  }

  private static long forEachFile(TableSnapshot snapshot, Scan scan, Consumer<FileStatus> action) {
    long n = 0;
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(snapshot.engine())) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> rows = files.next().getRows()) {
          while (rows.hasNext()) {
            action.accept(InternalScanFileUtils.getAddFileStatus(rows.next()));
            n++;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("list the files of table " + snapshot.location(), e);
    }
    return n;
  }

  record FileTotals(long files, long bytes) {}

  /**
   * Number and total size of the live data files of a snapshot, checked against the version's
   * checksum file if it has one.
   *
   * @throws io.deltalake4j.exceptions.CorruptFileException if the checksum file records other totals
   */
  static FileTotals totals(TableSnapshot snapshot) {
    long[] bytes = {0};
    Scan all = snapshot.kernel().getScanBuilder().build();
    long files = forEachFile(snapshot, all, s -> bytes[0] += s.getSize());
    VersionChecksum.of(snapshot).ifPresent(crc -> crc.verify(files, bytes[0]));
    return new FileTotals(files, bytes[0]);
  }

}
