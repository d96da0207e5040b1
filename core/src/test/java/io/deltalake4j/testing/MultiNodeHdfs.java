package io.deltalake4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.server.datanode.DataNode;

/**
 * A real HDFS of its own for fault-injection tests: one NameNode and several DataNodes on loopback,
 * blocks replicated to every DataNode and small enough that each data file spans several, so a
 * test can stop a DataNode in the middle of a read. Unlike {@link EmbeddedHdfs} (shared by the
 * whole run through {@link Storages}), each test class starts and closes its own; closing stops
 * the cluster and deletes its directories, and is harmless twice.
 */
public final class MultiNodeHdfs implements AutoCloseable {

  private final Path baseDir;
  private final MiniDFSCluster cluster;
  private final Configuration clientConf;
  private boolean closed;

  private MultiNodeHdfs(Path baseDir, MiniDFSCluster cluster, Configuration clientConf) {
    this.baseDir = baseDir;
    this.cluster = cluster;
    this.clientConf = clientConf;
  }

  /**
   * Starts {@code dataNodes} DataNodes with replication {@code dataNodes} and blocks of {@code
   * blockSize} bytes (a multiple of 512; below HDFS's 1 MiB floor is allowed).
   */
  public static MultiNodeHdfs start(int dataNodes, long blockSize) {
    Path baseDir;
    try {
      baseDir = Files.createTempDirectory("minidfs-multi");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
    EmbeddedHdfs.bindToLoopback(conf);
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 0);
    conf.setLong("dfs.blocksize", blockSize);
    conf.setInt("dfs.replication", dataNodes);
    // Each DataNode connect and read waits at most 5 s (Hadoop's default is 60 s). A stopped
    // DataNode refuses new connections at once and the client moves on to the next replica, but a
    // read already waiting on a socket that is not reset moves on only when it times out. Set on
    // the cluster's own configuration because Hadoop caches one FileSystem per URI and user: the
    // first one made for this cluster (the cluster's own, a lake's) fixes the client settings.
    conf.setInt("dfs.client.socket-timeout", 5_000);
    MiniDFSCluster cluster = null;
    try {
      cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(dataNodes).build();
      cluster.waitActive();
      Configuration client = new Configuration(cluster.getConfiguration(0));
      FileSystem.get(java.net.URI.create("hdfs://localhost:" + cluster.getNameNodePort()), client); // the cached client for this URI: with the settings above
      return new MultiNodeHdfs(baseDir, cluster, client);
    } catch (IOException | RuntimeException e) {
      if (cluster != null) {
        cluster.shutdown(true);
      }
      TempFiles.deleteRecursively(baseDir);
      throw new IllegalStateException("Cannot start a MiniDFSCluster of " + dataNodes + " DataNodes: " + e, e);
    }
  }

  /** The file system URI, {@code hdfs://localhost:PORT}. */
  public String uri() {
    return "hdfs://localhost:" + cluster.getNameNodePort();
  }

  /**
   * A copy of the cluster's client configuration ({@code fs.defaultFS}, block size, replication),
   * to add settings to and give to a lake.
   */
  public Configuration clientConf() {
    return new Configuration(clientConf);
  }

  /** A lake on this cluster, with its client settings; the caller closes it. */
  public io.deltalake4j.DeltaLake lake() {
    return io.deltalake4j.DeltaLake.builder().hadoopConf(clientConf).build();
  }

  public int dataNodeCount() {
    return cluster.getDataNodes().size();
  }

  /**
   * The transfer addresses ({@code host:port}) of the DataNodes holding a replica of any block of
   * the files under {@code dir} named {@code *.parquet}, and how many such blocks there are.
   */
  public Replicas replicasUnder(String dir) {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
      FileSystem fs = root.getFileSystem(clientConf);
      Set<String> holders = new LinkedHashSet<>();
      List<List<String>> blocks = new ArrayList<>();
      int files = 0;
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        FileStatus status = it.next();
        if (!status.getPath().getName().endsWith(".parquet")) {
          continue;
        }
        files++;
        for (BlockLocation block : fs.getFileBlockLocations(status, 0, status.getLen())) {
          blocks.add(Arrays.asList(block.getNames()));
          holders.addAll(Arrays.asList(block.getNames()));
        }
      }
      return new Replicas(files, blocks, holders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data files and their blocks, each block as the DataNodes that hold it. */
  public record Replicas(int files, List<List<String>> blocks, Set<String> holders) {
    /** True if every block has a replica on {@code dataNode}. */
    public boolean allOn(String dataNode) {
      return blocks.stream().allMatch(b -> b.contains(dataNode));
    }
  }

  /** The transfer address ({@code host:port}) of DataNode {@code index}, as block locations name it. */
  public String dataNodeAddress(int index) {
    DataNode dn = cluster.getDataNodes().get(index);
    return dn.getXferAddress().getAddress().getHostAddress() + ":" + dn.getXferPort();
  }

  /** Stops DataNode {@code index} at once (its sockets close; the NameNode is not told). */
  public void stopDataNode(int index) {
    if (cluster.stopDataNode(index) == null) {
      throw new IllegalStateException("Cannot stop DataNode " + index + ": no such DataNode is running.");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      cluster.shutdown(true);
    } finally {
      TempFiles.deleteRecursively(baseDir);
    }
  }
}
