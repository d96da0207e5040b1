package io.deltalake4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HDFS (one NameNode, one DataNode) in the test JVM, on a free loopback port. Started once
 * per JVM by {@link Storages}; JUnit closes it when the test run ends.
 */
public final class EmbeddedHdfs implements ExtensionContext.Store.CloseableResource {

  private final Path baseDir;
  private final MiniDFSCluster cluster;

  EmbeddedHdfs() {
    try {
      baseDir = Files.createTempDirectory("minidfs");
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
      bindToLoopback(conf);
      cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(1).build();
      cluster.waitActive();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded HDFS", e);
    }
  }

  /** Binds the NameNode's and DataNodes' servers to free ports on 127.0.0.1 only. */
  static void bindToLoopback(Configuration conf) {
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
  }

  /** The file system URI, {@code hdfs://localhost:PORT}. */
  public String uri() {
    return "hdfs://localhost:" + cluster.getNameNodePort();
  }

  @Override
  public void close() {
    cluster.shutdown(true);
    TempFiles.deleteRecursively(baseDir);
  }
}
