package io.deltalake4j.internal.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/** Publishing a fully written file under its final name, on any storage, never over another. */
public final class StorageFiles {
  private StorageFiles() {}

  /** The temporary name, beside {@code target}, that a file is written under before it is published. */
  public static String tempFor(String target) {
    Path t = new Path(target);
    return new Path(t.getParent(), LocalFiles.tempName(t.getName())).toString();
  }

  /**
   * Gives {@code temp}'s content the name {@code target}, atomically, or throws {@link
   * java.nio.file.FileAlreadyExistsException} if the name is taken. On local disk a hard link
   * ({@link LocalFiles#publishIfAbsent}); elsewhere a rename that refuses to replace (atomic on
   * HDFS). The caller deletes {@code temp} afterwards.
   */
  public static void publishIfAbsent(Configuration conf, String temp, String target) throws IOException {
    Path t = new Path(target);
    if ("file".equals(t.toUri().getScheme())) {
      LocalFiles.publishIfAbsent(Paths.get(new Path(temp).toUri()), Paths.get(t.toUri()));
      return;
    }
    FileContext fc = FileContext.getFileContext(t.toUri(), conf);
    try {
      fc.rename(new Path(temp), t, Options.Rename.NONE);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new java.nio.file.FileAlreadyExistsException(target);
    }
  }

  /** Deletes a file if it exists; a failure is added to {@code failure} rather than thrown. */
  public static void deleteQuietly(Configuration conf, String file, Throwable failure) {
    try {
      Path p = new Path(file);
      p.getFileSystem(conf).delete(p, false);
    } catch (FileNotFoundException gone) {
      // nothing to delete
    } catch (IOException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
