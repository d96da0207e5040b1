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
 * A file Kernel writes on local disk, written with {@code java.nio} rather than Hadoop's local
 * file system, which adds a checksum sidecar to every file and, without Hadoop's native library,
 * starts a {@code chmod} process for each of the two. The file is synced before it closes, and its
 * name after, so a commit never outlives the data it adds. A file created "if absent" (a
 * checkpoint) is written under a temporary name and published with a hard link, which fails with
 * {@link java.nio.file.FileAlreadyExistsException} if another writer published it first; Hadoop's
 * local rename would silently replace that writer's file. Atomic writes (the log's own files) go
 * to the engine's log store.
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
    Path target = Paths.get(new org.apache.hadoop.fs.Path(path()).toUri());
    LocalFiles.createDirectories(target.getParent());
    if (!putIfAbsent) {
      FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      return new SyncedStream(channel, () -> LocalFiles.syncDirectory(target.getParent()), () -> {});
    }
    // Kernel's contract lets an atomic create replace an existing file; refusing it instead is what
    // lets a checkpoint written by two writers at once keep the first one whole.
    Path temp = LocalFiles.tempFor(target);
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new SyncedStream(channel, () -> LocalFiles.publishIfAbsent(temp, target), () -> Files.deleteIfExists(temp));
  }

  @Override
  public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
    hadoop.writeAtomically(data, overwrite);
  }

  /** What a stream does after its content is synced, and always, last. */
  private interface Step {
    void run() throws IOException;
  }

  /**
   * A file's stream; closing syncs the content, then publishes it, then cleans up. A stream whose
   * write failed is not published on close (Kernel closes it either way), so a checkpoint cut
   * short never appears under its name.
   */
  private static final class SyncedStream extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream out;
    private final Step publish;
    private final Step cleanUp;
    private long pos;
    private boolean failed;
    private boolean closed;

    SyncedStream(FileChannel channel, Step publish, Step cleanUp) {
      this.channel = channel;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      this.publish = publish;
      this.cleanUp = cleanUp;
    }

    @Override
    public long getPos() {
      return pos;
    }

    // Each call marks the stream failed first and unmarks it only if it was sound before: once a
    // call threw, the stream stays failed even if a caller swallowed that and wrote on.

    @Override
    public void write(int b) throws IOException {
      boolean sound = !failed;
      failed = true;
      out.write(b);
      failed = !sound;
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      boolean sound = !failed;
      failed = true;
      out.write(b, off, len);
      failed = !sound;
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      boolean sound = !failed;
      failed = true;
      out.flush();
      failed = !sound;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        try {
          if (!failed) {
            out.flush();
            channel.force(true);
          }
        } finally {
          channel.close(); // not the buffered stream: a failed write's bytes are not flushed again
        }
        if (!failed) {
          publish.run();
        }
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      } finally {
        cleanUp.run();
      }
    }
  }
}
