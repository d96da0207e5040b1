package io.deltalake4j.internal.storage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * One wait for HDFS, turned into the Hadoop client settings that bound it: without them a
 * NameNode that accepts connections and never answers holds each call for 120 s, and one that does
 * not accept them for 45 connect attempts of 20 s each. A setting the user's configuration gives
 * (core-site.xml, hdfs-site.xml, or set in code) is kept.
 */
public final class StorageTimeouts {
  private StorageTimeouts() {}

  /** A refused connection is tried this many more times (Hadoop's default is 10, a second apart). */
  static final int CONNECT_RETRIES = 2;

  /** Sets the client timeouts from {@code timeout} in {@code conf}, except those it sets already. */
  public static void apply(Configuration conf, Duration timeout) {
    String millis = Long.toString(timeout.toMillis());
    Map<String, String> settings = Map.of(
        "ipc.client.connect.timeout", millis,                    // NameNode: one connect
        "ipc.client.connect.max.retries.on.timeouts", "0",       // a connect that timed out is not tried again
        "ipc.client.connect.max.retries", Integer.toString(CONNECT_RETRIES),
        "ipc.client.rpc-timeout.ms", millis,                     // NameNode: the answer to one call
        "ipc.ping.interval", millis,                             // the socket's read timeout between pings
        "dfs.client.socket-timeout", millis);                    // DataNodes: connect and each read
    settings.forEach((key, value) -> {
      if (!isSetByUser(conf, key)) {
        conf.set(key, value, StorageTimeouts.class.getSimpleName());
      }
    });
  }

  /** True if the key's value comes from somewhere other than Hadoop's own *-default.xml files. */
  static boolean isSetByUser(Configuration conf, String key) {
    String[] sources = conf.getPropertySources(key);
    return sources != null && Arrays.stream(sources).anyMatch(s -> !s.endsWith("-default.xml"));
  }
}
