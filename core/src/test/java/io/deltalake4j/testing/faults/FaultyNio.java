package io.deltalake4j.testing.faults;

import io.deltalake4j.testing.faults.Faults.Op;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JVM's default file system provider, wrapped so that {@link Faults} can fail, tear or kill
 * any {@code java.nio} call on local disk: channel opens (and their writes and syncs), links,
 * moves, deletes, listings, attribute reads and directory creation. Installed for a whole test
 * JVM with {@code -Djava.nio.file.spi.DefaultFileSystemProvider=io.deltalake4j.testing.faults.FaultyNio}
 * (the fault suite's surefire run); with no plan armed it only delegates. Paths and the file
 * system are wrapped too, since {@code Files} finds the provider through a path.
 */
public final class FaultyNio extends FileSystemProvider {

  private final FileSystemProvider delegate;
  private final WrappedFileSystem fileSystem;

  public FaultyNio(FileSystemProvider delegate) {
    this.delegate = delegate;
    this.fileSystem = new WrappedFileSystem(delegate.getFileSystem(URI.create("file:///")));
  }

  static Path unwrap(Path p) {
    return p instanceof WrappedPath w ? w.delegate : p;
  }

  /** The path as this file system's; some of the JDK's own paths are ours already. */
  private Path wrap(Path p) {
    return p == null || p instanceof WrappedPath ? p : new WrappedPath(p);
  }

  private static String name(Path p) {
    return unwrap(p).toAbsolutePath().toString();
  }

  @Override
  public String getScheme() {
    return delegate.getScheme();
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
    return delegate.newFileSystem(uri, env);
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    return fileSystem;
  }

  @Override
  public Path getPath(URI uri) {
    return wrap(delegate.getPath(uri));
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    return newFileChannel(path, options, attrs);
  }

  @Override
  public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    boolean tear = Faults.before(writing ? Op.CREATE : Op.OPEN, name(path));
    return new TornChannel(delegate.newFileChannel(unwrap(path), options, attrs), name(path), tear && writing,
        tear && !writing);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    Faults.before(Op.LIST, name(dir));
    DirectoryStream<Path> entries = delegate.newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
    return new DirectoryStream<>() {
      @Override
      public Iterator<Path> iterator() {
        Iterator<Path> it = entries.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Path next() {
            return wrap(it.next());
          }
        };
      }

      @Override
      public void close() throws IOException {
        entries.close();
      }
    };
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    Faults.before(Op.MKDIRS, name(dir));
    delegate.createDirectory(unwrap(dir), attrs);
  }

  @Override
  public void delete(Path path) throws IOException {
    Faults.before(Op.DELETE, name(path));
    delegate.delete(unwrap(path));
  }

  @Override
  public boolean deleteIfExists(Path path) throws IOException {
    Faults.before(Op.DELETE, name(path));
    return delegate.deleteIfExists(unwrap(path));
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    Faults.before(Op.CREATE, name(target));
    delegate.copy(unwrap(source), unwrap(target), options);
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    Faults.before(Op.RENAME, name(target));
    delegate.move(unwrap(source), unwrap(target), options);
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    Faults.before(Op.LINK, name(link));
    delegate.createLink(unwrap(link), unwrap(existing));
  }

  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
    delegate.createSymbolicLink(unwrap(link), unwrap(target), attrs);
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    return wrap(delegate.readSymbolicLink(unwrap(link)));
  }

  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    return delegate.isSameFile(unwrap(path), unwrap(path2));
  }

  @Override
  public boolean isHidden(Path path) throws IOException {
    return delegate.isHidden(unwrap(path));
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    return delegate.getFileStore(unwrap(path));
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    Faults.before(Op.STAT, name(path));
    delegate.checkAccess(unwrap(path), modes);
  }

  @Override
  public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
    return delegate.getFileAttributeView(unwrap(path), type, options);
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
      throws IOException {
    Faults.before(Op.STAT, name(path));
    return delegate.readAttributes(unwrap(path), type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
    Faults.before(Op.STAT, name(path));
    return delegate.readAttributes(unwrap(path), attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
    delegate.setAttribute(unwrap(path), attribute, value, options);
  }

  /** The default file system, handing out wrapped paths and naming this provider as its own. */
  private final class WrappedFileSystem extends FileSystem {
    private final FileSystem fs;

    WrappedFileSystem(FileSystem fs) {
      this.fs = fs;
    }

    @Override
    public FileSystemProvider provider() {
      return FaultyNio.this;
    }

    @Override
    public void close() throws IOException {
      fs.close();
    }

    @Override
    public boolean isOpen() {
      return fs.isOpen();
    }

    @Override
    public boolean isReadOnly() {
      return fs.isReadOnly();
    }

    @Override
    public String getSeparator() {
      return fs.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
      java.util.List<Path> roots = new java.util.ArrayList<>();
      fs.getRootDirectories().forEach(r -> roots.add(wrap(r)));
      return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
      return fs.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
      return fs.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
      return wrap(fs.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
      PathMatcher m = fs.getPathMatcher(syntaxAndPattern);
      return p -> m.matches(unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
      return fs.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
      return fs.newWatchService();
    }
  }

  /** A path of the wrapped file system: every operation on the path itself is the real path's. */
  private final class WrappedPath implements Path {
    final Path delegate;

    WrappedPath(Path delegate) {
      this.delegate = delegate;
    }

    @Override
    public FileSystem getFileSystem() {
      return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
      return delegate.isAbsolute();
    }

    @Override
    public Path getRoot() {
      return wrap(delegate.getRoot());
    }

    @Override
    public Path getFileName() {
      return wrap(delegate.getFileName());
    }

    @Override
    public Path getParent() {
      return wrap(delegate.getParent());
    }

    @Override
    public int getNameCount() {
      return delegate.getNameCount();
    }

    @Override
    public Path getName(int index) {
      return wrap(delegate.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
      return wrap(delegate.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
      return delegate.startsWith(unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
      return delegate.endsWith(unwrap(other));
    }

    @Override
    public Path normalize() {
      return wrap(delegate.normalize());
    }

    @Override
    public Path resolve(Path other) {
      return wrap(delegate.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
      return wrap(delegate.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
      return delegate.toUri();
    }

    @Override
    public Path toAbsolutePath() {
      return wrap(delegate.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
      return wrap(delegate.toRealPath(options));
    }

    @Override
    public File toFile() {
      return new File(delegate.toString());
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
        throws IOException {
      return delegate.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
      return delegate.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Path p && delegate.equals(unwrap(p));
    }

    @Override
    public int hashCode() {
      return delegate.hashCode();
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }

  /**
   * A channel whose first write keeps half its bytes and fails (a torn write), or whose second
   * read fails (a torn read), when its open was the chosen call; syncs are calls of their own.
   */
  private static final class TornChannel extends FileChannel {
    private final FileChannel channel;
    private final String path;
    private boolean tearWrite;
    private boolean tearRead;
    private int reads;

    TornChannel(FileChannel channel, String path, boolean tearWrite, boolean tearRead) {
      this.channel = channel;
      this.path = path;
      this.tearWrite = tearWrite;
      this.tearRead = tearRead;
    }

    private void beforeRead() throws IOException {
      if (tearRead && reads++ >= 1) {
        tearRead = false;
        throw Faults.tear(Op.OPEN, path);
      }
    }

    private int torn(ByteBuffer src, long position) throws IOException {
      tearWrite = false;
      ByteBuffer half = src.duplicate();
      half.limit(src.position() + src.remaining() / 2);
      int n = position < 0 ? channel.write(half) : channel.write(half, position);
      src.position(src.position() + n);
      throw Faults.tear(Op.WRITE, path);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      beforeRead();
      return channel.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      beforeRead();
      return channel.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      beforeRead();
      return channel.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return tearWrite && src.remaining() > 0 ? torn(src, -1) : channel.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      for (int i = offset; tearWrite && i < offset + length; i++) {
        if (srcs[i].remaining() > 0) {
          return torn(srcs[i], -1);
        }
      }
      return channel.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      return tearWrite && src.remaining() > 0 ? torn(src, position) : channel.write(src, position);
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      channel.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      Faults.before(Op.SYNC, path);
      channel.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return channel.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      return channel.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return channel.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return channel.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return channel.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      channel.close();
    }
  }
}
