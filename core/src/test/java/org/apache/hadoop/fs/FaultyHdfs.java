package org.apache.hadoop.fs;

import io.deltalake4j.testing.faults.HadoopFaults;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.client.HdfsDataOutputStream;
import org.apache.hadoop.util.Progressable;

/**
 * HDFS as Hadoop's FileContext sees it (Delta's HDFS log store writes commits through it), with
 * creates and renames checked by the fault layer ({@code io.deltalake4j.testing.faults.Faults}).
 * In Hadoop's package only because {@link Hdfs}'s constructor is package-private.
 */
public class FaultyHdfs extends Hdfs {

  public FaultyHdfs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(uri, conf);
  }

  @Override
  public HdfsDataOutputStream createInternal(Path f, EnumSet<CreateFlag> createFlag, FsPermission absolutePermission,
      int bufferSize, short replication, long blockSize, Progressable progress, Options.ChecksumOpt checksumOpt,
      boolean createParent) throws IOException {
    HadoopFaults.checkFileContext(io.deltalake4j.testing.faults.Faults.Op.CREATE, f);
    return super.createInternal(f, createFlag, absolutePermission, bufferSize, replication, blockSize, progress,
        checksumOpt, createParent);
  }

  @Override
  public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
    HadoopFaults.checkFileContext(io.deltalake4j.testing.faults.Faults.Op.RENAME, dst);
    super.renameInternal(src, dst, overwrite);
  }

  @Override
  public void renameInternal(Path src, Path dst) throws IOException {
    HadoopFaults.checkFileContext(io.deltalake4j.testing.faults.Faults.Op.RENAME, dst);
    super.renameInternal(src, dst);
  }
}
