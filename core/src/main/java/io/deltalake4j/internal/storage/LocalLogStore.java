package io.deltalake4j.internal.storage;

import io.delta.storage.CloseableIterator;
import io.delta.storage.LogStore;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * The Delta log on local disk, safe for concurrent writers in one JVM and across processes.
 * Delta's default store for {@code file:} checks that a commit file is absent and then renames its
 * temporary file over it: two writers can both pass the check, and the second silently replaces
 * the first's commit (and Hadoop's checksum sidecars then disagree with the file). Here the commit
 * file is created as a hard link to the fully written, synced temporary file, which the OS does
 * atomically and refuses if the file exists, and the directory is synced after it. Reads and
 * listings use the file system directly, without Hadoop's checksum layer.
 */
public final class LocalLogStore extends LogStore {

  public LocalLogStore(Configuration conf) {
    super(conf);
  }

  @Override
  public CloseableIterator<String> read(Path path, Configuration conf) throws IOException {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(local(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(path.toString());
    }
    return new Lines(reader);
  }

  @Override
  public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration conf) throws IOException {
    java.nio.file.Path target = local(path);
    java.nio.file.Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new FileNotFoundException("Parent directory doesn't exist: " + dir);
    }
    java.nio.file.Path temp = LocalFiles.tempFor(target);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        while (actions.hasNext()) {
          out.write(actions.next().getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
        out.flush();
        channel.force(true);
      }
      if (Boolean.TRUE.equals(overwrite)) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LocalFiles.syncDirectory(dir);
      } else {
        LocalFiles.publishIfAbsent(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Iterator<FileStatus> listFrom(Path path, Configuration conf) throws IOException {
    java.nio.file.Path from = local(path);
    java.nio.file.Path dir = from.getParent();
    if (!Files.isDirectory(dir)) {
      throw new FileNotFoundException("No such directory: " + dir);
    }
    String start = from.getFileName().toString();
    List<String> names = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path p : entries) {
        String name = p.getFileName().toString();
        if (name.compareTo(start) >= 0) {
          names.add(name);
        }
      }
    }
    names.sort(null); // by name, as Hadoop's listing returns them
    return new Statuses(dir, path.getParent(), names.iterator());
  }

  @Override
  public Path resolvePathOnPhysicalStorage(Path path, Configuration conf) {
    return path;
  }

  /**
   * True: a file being written on local disk is visible to readers, so Kernel must write other
   * atomic files (checkpoints) to a temporary name and rename them into place.
   */
  @Override
  public Boolean isPartialWriteVisible(Path path, Configuration conf) {
    return true;
  }

  private static java.nio.file.Path local(Path path) {
    return Paths.get(path.toUri());
  }

  /**
   * The listed files' statuses, each read when it is reached: log cleanup stops at the first file
   * too young to expire, so on a long log it reads one file's attributes instead of every one.
   * Files deleted since the listing (by another writer's cleanup) are skipped; other errors reading
   * attributes come out of {@code hasNext} as {@link UncheckedIOException}, which Kernel reports as
   * a failed listing.
   */
  private static final class Statuses implements Iterator<FileStatus> {
    private final java.nio.file.Path dir;
    private final Path hadoopDir;
    private final Iterator<String> names;
    private FileStatus next;

    Statuses(java.nio.file.Path dir, Path hadoopDir, Iterator<String> names) {
      this.dir = dir;
      this.hadoopDir = hadoopDir;
      this.names = names;
    }

    @Override
    public boolean hasNext() {
      while (next == null && names.hasNext()) {
        String name = names.next();
        try {
          BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
          next = new FileStatus(a.size(), a.isDirectory(), 1, 0, a.lastModifiedTime().toMillis(), new Path(hadoopDir, name));
        } catch (NoSuchFileException gone) {
          // deleted by log cleanup meanwhile
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    @Override
    public FileStatus next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FileStatus status = next;
      next = null;
      return status;
    }
  }

  /** The lines of a file; closes it at the end or on close. */
  private static final class Lines implements CloseableIterator<String> {
    private final BufferedReader reader;
    private String next;
    private boolean done;

    Lines(BufferedReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        next = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        done = true;
        closeQuietly();
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String line = next;
      next = null;
      return line;
    }

    @Override
    public void close() throws IOException {
      done = true;
      reader.close();
    }

    private void closeQuietly() {
      try {
        reader.close();
      } catch (IOException ignored) {
        // End of a fully read file.
      }
    }
  }
}
