package io.deltalake4j.internal.kernel;

import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.internal.storage.LocalFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * A file on local disk that Kernel creates "if absent" (a checkpoint): written to a temporary
 * file, synced, then published with a hard link, which fails with {@link
 * java.nio.file.FileAlreadyExistsException} if another writer published it first. Hadoop's local
 * rename would silently replace that writer's file, racing its checksum sidecar. Other writes go
 * to Hadoop.
 */
final class LocalOutputFile implements OutputFile {

  private final OutputFile hadoop;

  LocalOutputFile(OutputFile hadoop) {
    this.hadoop = hadoop;
  }

  @Override
  public String path() {
    return hadoop.path();
  }

  @Override
  public PositionOutputStream create(boolean putIfAbsent) throws IOException {
    if (!putIfAbsent) {
      return hadoop.create(false);
    }
    Path target = Paths.get(new org.apache.hadoop.fs.Path(path()).toUri());
    Path temp = LocalFiles.tempFor(target);
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new Published(channel, temp, target);
  }

  @Override
  public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
    hadoop.writeAtomically(data, overwrite);
  }

  /** Writes the temporary file; closing syncs it, publishes it and removes the temporary name. */
  private static final class Published extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream out;
    private final Path temp;
    private final Path target;
    private long pos;
    private boolean closed;

    Published(FileChannel channel, Path temp, Path target) {
      this.channel = channel;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      this.temp = temp;
      this.target = target;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.flush();
        channel.force(true);
        out.close();
        LocalFiles.publishIfAbsent(temp, target);
      } finally {
        out.close();
        Files.deleteIfExists(temp);
      }
    }
  }
}
