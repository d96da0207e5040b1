package io.deltalake4j.testing.faults;

import io.deltalake4j.testing.faults.Faults.Op;
import java.io.FilterOutputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What Hadoop's faulty file systems share: the configuration that installs them, and the streams
 * that tear (a write keeping half its bytes, a read failing after the first).
 */
public final class HadoopFaults {
  private HadoopFaults() {}

  /**
   * A copy of {@code base} whose {@code file:} and {@code hdfs:} file systems (and HDFS's
   * FileContext) are the faulty ones, uncached so no other test shares them.
   */
  public static Configuration configuration(Configuration base) {
    Configuration c = new Configuration(base);
    c.set("fs.file.impl", FaultyLocalFileSystem.class.getName());
    c.setBoolean("fs.file.impl.disable.cache", true);
    c.set("fs.hdfs.impl", FaultyDistributedFileSystem.class.getName());
    c.setBoolean("fs.hdfs.impl.disable.cache", true);
    c.set("fs.AbstractFileSystem.hdfs.impl", "org.apache.hadoop.fs.FaultyHdfs");
    return c;
  }

  static String name(Path p) {
    return p.toUri().getPath();
  }

  /** Checks a FileContext call (its streams are not torn: a tear there is a failed create). */
  public static void checkFileContext(Op op, Path p) throws IOException {
    if (Faults.before(op, name(p))) {
      throw Faults.tear(op, name(p));
    }
  }

  static FSDataOutputStream tearingWrites(Path path, FSDataOutputStream out, FileSystem.Statistics stats, boolean tear) {
    if (!tear) {
      return out;
    }
    return new FSDataOutputStream(new FilterOutputStream(out) {
      private boolean torn;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (!torn && len > 0) {
          torn = true;
          out.write(b, off, len / 2);
          throw Faults.tear(Op.WRITE, name(path));
        }
        out.write(b, off, len);
      }

      @Override
      public void write(int b) throws IOException {
        if (!torn) {
          torn = true;
          throw Faults.tear(Op.WRITE, name(path));
        }
        out.write(b);
      }
    }, stats);
  }

  /** An input stream that fails on its second read, when its open was the chosen call to tear. */
  static FSDataInputStream tearingReads(Path path, FSDataInputStream in, boolean tear) {
    if (!tear) {
      return in;
    }
    return new FSDataInputStream(new FSInputStream() {
      private int reads;

      private void before() throws IOException {
        if (reads++ >= 1) {
          throw Faults.tear(Op.OPEN, name(path));
        }
      }

      @Override
      public void seek(long pos) throws IOException {
        in.seek(pos);
      }

      @Override
      public long getPos() throws IOException {
        return in.getPos();
      }

      @Override
      public boolean seekToNewSource(long targetPos) throws IOException {
        return in.seekToNewSource(targetPos);
      }

      @Override
      public int read() throws IOException {
        before();
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        before();
        return in.read(b, off, len);
      }

      @Override
      public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        before();
        return in.read(position, buffer, offset, length);
      }

      @Override
      public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        before();
        in.readFully(position, buffer, offset, length);
      }

      @Override
      public int available() throws IOException {
        return in.available();
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    });
  }

  /** Runs the check for a create and returns whether to tear the stream. */
  static boolean beforeCreate(Path p) throws IOException {
    return Faults.before(Op.CREATE, name(p));
  }
}
