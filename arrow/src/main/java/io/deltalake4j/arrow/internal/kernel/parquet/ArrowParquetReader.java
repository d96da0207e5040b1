package io.deltalake4j.arrow.internal.kernel.parquet;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.defaults.internal.parquet.ParquetFilterUtils;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.arrow.ArrowSchemas;
import io.deltalake4j.internal.kernel.DataFileReader;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.internal.kernel.ShreddedVariants;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Kernel's data-file reading done column by column into Arrow vectors: row groups skipped by the
 * filter's statistics, only requested columns read. Files with a column the decoder does not
 * handle natively (two-level legacy lists, types it does not convert, shredded variants) are read
 * by {@code fallback}.
 */
public final class ArrowParquetReader implements DataFileReader {

  private final Configuration conf;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final DataFileReader fallback;

  public ArrowParquetReader(Configuration conf, BufferAllocator allocator, int batchSize, DataFileReader fallback) {
    this.conf = conf;
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.fallback = fallback;
  }

  @Override
  public CloseableIterator<ColumnarBatch> read(FileStatus file, StructType physicalSchema, Optional<Predicate> filter)
      throws IOException {
    org.apache.hadoop.fs.FileStatus status = new org.apache.hadoop.fs.FileStatus(
        file.getSize(), false, 1, 0, file.getModificationTime(), new Path(file.getPath()));
    HadoopInputFile input = HadoopInputFile.fromStatus(status, conf);
    SeekableInputStream stream = input.newStream();
    ParquetFileReader reader;
    try {
      ParquetMetadata footer = ParquetFileReader.readFooter(input, options(null, filter), stream);
      MessageType schema = footer.getFileMetaData().getSchema();
      reader = ParquetFileReader.open(input, footer, options(schema, filter), stream);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      ColumnPlanner.Planned planned = ShreddedVariants.shreds(fileSchema, physicalSchema, file.getPath())
          ? null // Kernel's reader with the variants put back together
          : ColumnPlanner.plan(fileSchema, physicalSchema);
      if (planned == null) {
        reader.close();
        return fallback.read(file, physicalSchema, filter);
      }
      List<Field> fields = physicalSchema.fields().stream().map(ArrowParquetReader::arrowField).toList();
      return new ParquetArrowFile(reader, physicalSchema, planned, fields, allocator, batchSize);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The Arrow field a physical column decodes into; the row index (a metadata column) is a bigint. */
  private static Field arrowField(io.delta.kernel.types.StructField f) {
    return ArrowSchemas.field(new io.deltalake4j.types.StructField(
        f.getName(), Schemas.fromKernel(f.getDataType()), f.isNullable()));
  }

  /** Read options: row groups skipped by statistics only, with the filter once the file's schema is known. */
  private ParquetReadOptions options(MessageType fileSchema, Optional<Predicate> filter) {
    ParquetReadOptions.Builder options = HadoopReadOptions.builder(conf)
        .useStatsFilter(true)
        .useDictionaryFilter(false)
        .useBloomFilter(false)
        .useColumnIndexFilter(false)
        .useRecordFilter(false);
    if (fileSchema != null && filter.isPresent()) {
      ParquetFilterUtils.toParquetFilter(fileSchema, filter.get())
          .ifPresent(p -> options.withRecordFilter(FilterCompat.get(p)));
    }
    return options.build();
  }
}
