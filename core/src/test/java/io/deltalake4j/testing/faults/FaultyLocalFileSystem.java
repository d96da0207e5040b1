package io.deltalake4j.testing.faults;

import io.deltalake4j.testing.faults.Faults.Op;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/** Hadoop's local file system, with every call on a path in scope checked by {@link Faults}. */
public class FaultyLocalFileSystem extends LocalFileSystem {

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    boolean tear = Faults.before(Op.OPEN, HadoopFaults.name(f));
    return HadoopFaults.tearingReads(f, super.open(f, bufferSize), tear);
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    boolean tear = HadoopFaults.beforeCreate(f);
    return HadoopFaults.tearingWrites(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize,
        progress), statistics, tear);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    Faults.before(Op.RENAME, HadoopFaults.name(dst));
    return super.rename(src, dst);
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    Faults.before(Op.DELETE, HadoopFaults.name(f));
    return super.delete(f, recursive);
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    Faults.before(Op.LIST, HadoopFaults.name(f));
    return super.listStatus(f);
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    Faults.before(Op.STAT, HadoopFaults.name(f));
    return super.getFileStatus(f);
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    Faults.before(Op.MKDIRS, HadoopFaults.name(f));
    return super.mkdirs(f, permission);
  }
}
