package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.deltalake4j.RowIterator;
import io.deltalake4j.exceptions.DeltaIOException;
import io.deltalake4j.types.StructType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a plain Parquet file (not a table) as rows: the footer gives the columns and their types
 * ({@link ParquetTypes}), Kernel's default Parquet reader decodes the data.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * Opens one Parquet file; the caller closes the iterator.
   *
   * @throws DeltaIOException if the file does not exist, is a directory or is not Parquet
   * @throws io.deltalake4j.exceptions.UnsupportedFeatureException if a column has no Delta type
   */
  public static RowIterator read(KernelEngine kernel, String pathOrUri) {
    String location = kernel.qualify(pathOrUri);
    Configuration conf = kernel.conf();
    Path path = new Path(location);
    org.apache.hadoop.fs.FileStatus status;
    MessageType footer;
    try {
      FileSystem fs = path.getFileSystem(conf);
      status = fs.getFileStatus(path);
      if (status.isDirectory()) {
        throw new DeltaIOException("Cannot read Parquet file " + location
            + ": it is a directory. Give the path of one .parquet file (to read a Delta table, open it with table(...)).");
      }
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
        footer = reader.getFooter().getFileMetaData().getSchema();
      }
    } catch (FileNotFoundException e) {
      throw new DeltaIOException("Cannot read Parquet file " + location + ": it does not exist. Check the path.", e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DeltaIOException d) {
        throw d;
      }
      throw new DeltaIOException("Cannot read Parquet file " + location + ": it is not a readable Parquet file ("
          + KernelErrors.rootMessage(e) + "). Check that it is Parquet and not damaged.", e);
    }
    StructType schema = ParquetTypes.toDelta(footer, location);
    FileStatus file = FileStatus.of(location, status.getLen(), status.getModificationTime());
    try {
      CloseableIterator<ColumnarBatch> batches = kernel.engine().getParquetHandler()
          .readParquetFiles(Utils.singletonCloseableIterator(file), Schemas.toKernel(schema), Optional.empty())
          .map(FileReadResult::getData);
      return new ParquetRowIterator(schema, batches, location, status.getLen());
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("read Parquet file " + location, e);
    }
  }
}
