package io.deltalake4j.internal.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.engine.JsonHandler;
import io.delta.kernel.engine.ParquetHandler;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The default engine's JSON and Parquet handlers, reading log actions as Spark does where Kernel is
 * stricter: a metadata action without schemaString is a table without columns ({@link SchemaStrings}).
 * Data files and everything else pass straight through.
 */
final class LogReadHandlers {
  private LogReadHandlers() {}

  static JsonHandler json(JsonHandler delegate) {
    return new JsonHandler() {
      @Override
      public ColumnarBatch parseJson(ColumnVector json, StructType schema, Optional<ColumnVector> selection) {
        return delegate.parseJson(json, schema, selection);
      }

      @Override
      public CloseableIterator<ColumnarBatch> readJsonFiles(
          CloseableIterator<FileStatus> files, StructType schema, Optional<Predicate> predicate) throws IOException {
        return delegate.readJsonFiles(files, SchemaStrings.relaxed(schema), predicate)
            .map(b -> SchemaStrings.filled(b, schema));
      }

      @Override
      public void writeJsonFileAtomically(String path, CloseableIterator<Row> data, boolean overwrite)
          throws IOException {
        delegate.writeJsonFileAtomically(path, data, overwrite);
      }
    };
  }

  /** A checkpoint rather than a data file, whose columns are the user's and kept as read. */
  private static boolean isLogFile(String path) {
    return path.contains("/_delta_log/");
  }

  static ParquetHandler parquet(ParquetHandler delegate) {
    return new ParquetHandler() {
      @Override
      public CloseableIterator<FileReadResult> readParquetFiles(
          CloseableIterator<FileStatus> files, StructType schema, Optional<Predicate> predicate) throws IOException {
        return delegate.readParquetFiles(files, SchemaStrings.relaxed(schema), predicate)
            .map(r -> isLogFile(r.getFilePath())
                ? new FileReadResult(SchemaStrings.filled(r.getData(), schema), r.getFilePath())
                : r);
      }

      @Override
      public CloseableIterator<DataFileStatus> writeParquetFiles(
          String dir, CloseableIterator<FilteredColumnarBatch> data, List<Column> statsColumns) throws IOException {
        return delegate.writeParquetFiles(dir, data, statsColumns);
      }

      @Override
      public void writeParquetFileAtomically(String path, CloseableIterator<FilteredColumnarBatch> data)
          throws IOException {
        delegate.writeParquetFileAtomically(path, data);
      }
    };
  }
}
