package io.deltalake4j.cli.internal;

import io.deltalake4j.Scan;
import io.deltalake4j.arrow.ArrowScan;
import io.deltalake4j.exceptions.DeltaIOException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** {@code scan --format arrow}: a scan written to a file as an Arrow IPC stream, batch by batch. */
public final class ArrowFile {
  private ArrowFile() {}

  /** What was written. */
  public record Written(long rows, long batches, long bytes) {}

  public static Written write(Scan scan, Path file) {
    long rows = 0;
    long batches = 0;
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = ArrowScan.of(scan).open(allocator);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, channel)) {
      writer.start();
      while (reader.loadNextBatch()) {
        writer.writeBatch();
        rows += reader.getVectorSchemaRoot().getRowCount();
        batches++;
      }
      writer.end();
      return new Written(rows, batches, writer.bytesWritten());
    } catch (IOException e) {
      throw new DeltaIOException("Cannot write the Arrow stream to " + file + ": " + e.getMessage()
          + ". Check that the directory exists and is writable.", e);
    }
  }
}
