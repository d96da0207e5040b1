package io.deltalake4j.arrow.internal.kernel.parquet;

import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Tells tests whether the column-wise decoder takes a table's files itself. */
public final class DecoderProbe {
  private DecoderProbe() {}

  /** True if every data file of the table can be read as {@code schema} column-wise. */
  public static boolean columnWise(String table, StructType schema) throws Exception {
    Path root = new Path(table);
    FileSystem fs = root.getFileSystem(new Configuration());
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
    boolean any = false;
    while (files.hasNext()) {
      LocatedFileStatus f = files.next();
      if (!f.getPath().getName().endsWith(".parquet") || f.getPath().toString().contains("_delta_log")) {
        continue;
      }
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, new Configuration()))) {
        if (ColumnPlanner.plan(reader.getFooter().getFileMetaData().getSchema(), Schemas.toKernel(schema)) == null) {
          return false;
        }
      }
      any = true;
    }
    return any;
  }
}
