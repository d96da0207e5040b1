package io.deltalake4j.hms.internal;

import io.deltalake4j.exceptions.CatalogException;
import io.trino.hive.thrift.metastore.ThriftHiveMetastore;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * One connection to a Hive Metastore, over plain binary Thrift, shared by all calls (one at a
 * time). A call that fails in transport (connection refused or timed out, reset) closes the
 * connection and is tried again on the next address, the addresses taken round in order, up to a
 * number of attempts; a metastore's answer, error or not, is never retried, nor is a call that
 * got no answer within the read timeout on an open connection (the metastore may be working on
 * it, or hung: waiting again would only multiply the wait). Closing closes the connection;
 * closing twice is harmless.
 */
public final class MetastoreClient implements AutoCloseable {

  /** A metastore's address, {@code thrift://host:port}. */
  public record Address(String host, int port) {
    @Override
    public String toString() {
      return "thrift://" + host + ":" + port;
    }
  }

  /** One metastore call over a connected client. */
  public interface Call<T> {
    T run(ThriftHiveMetastore.Client client) throws TException;
  }

  /** The pause after each round of failed attempts over every address. */
  private static final long ROUND_PAUSE_MILLIS = 500;

  private final List<Address> addresses;
  private final int connectTimeoutMillis;
  private final int socketTimeoutMillis;
  private final int attempts;

  private int current;
  private TTransport transport;
  private ThriftHiveMetastore.Client client;
  private boolean closed;

  /**
   * @param addresses {@code thrift://host:port} URIs, tried in order
   * @param attempts how many times a call is tried in all, across the addresses (at least once each)
   */
  public MetastoreClient(List<Address> addresses, Duration connectTimeout, Duration socketTimeout, int attempts) {
    this.addresses = List.copyOf(addresses);
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.socketTimeoutMillis = Math.toIntExact(socketTimeout.toMillis());
    this.attempts = Math.max(attempts, addresses.size());
  }

  /** Parses {@code thrift://host:port[,thrift://host:port...]}; host names may hold underscores. */
  public static List<Address> parseAddresses(String uris) {
    List<Address> out = new ArrayList<>();
    for (String part : uris.split(",")) {
      String text = part.strip();
      java.util.regex.Matcher m = ADDRESS.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("Invalid metastore address '" + text
            + "': write thrift://host:port, several separated by commas, e.g. thrift://metastore:9083.");
      }
      int port = Integer.parseInt(m.group(2));
      if (port == 0 || port > 65535) {
        throw new IllegalArgumentException("Invalid metastore address '" + text + "': the port must be 1 to 65535.");
      }
      out.add(new Address(m.group(1).replaceAll("^\\[|\\]$", ""), port));
    }
    return out;
  }

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("thrift://([A-Za-z0-9_.\\-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})/?");

  /**
   * Runs {@code call}, connecting (again) as needed.
   *
   * @param what what the call does, for error messages ("list the tables of db")
   * @throws CatalogException if no address answered within the attempts
   * @throws TException the metastore's own answer to the call (no such object, already exists, ...)
   */
  public synchronized <T> T call(String what, Call<T> call) throws TException {
    if (closed) {
      throw new IllegalStateException("Cannot " + what + ": the catalog is closed.");
    }
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < attempts; attempt++) {
      Address address = addresses.get(current);
      boolean connected = false;
      try {
        if (client == null) {
          connect(address);
        }
        connected = true;
        return call.run(client);
      } catch (TTransportException e) {
        disconnect();
        if (connected && isTimeout(e)) {
          throw new CatalogException("Cannot " + what + ": the Hive Metastore at " + address + " accepted the "
              + "connection but did not answer within " + socketTimeoutMillis + " ms (read timeout). The call was not "
              + "retried, since the metastore may still be working on it. Check that the metastore is healthy, or "
              + "allow it more time.", e);
        }
        failures.add(address + ": " + describe(e));
        current = (current + 1) % addresses.size();
        if ((attempt + 1) % addresses.size() == 0 && attempt + 1 < attempts) {
          pause(); // every address failed once: give a restarting metastore a moment
        }
      }
    }
    throw new CatalogException("Cannot " + what + ": no Hive Metastore answered (" + String.join("; ", failures)
        + "; connect timeout " + connectTimeoutMillis + " ms, read timeout " + socketTimeoutMillis
        + " ms). Check that the metastore runs and the addresses are right.");
  }

  private static void pause() {
    try {
      Thread.sleep(ROUND_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("Cannot reach the Hive Metastore: interrupted between attempts.", e);
    }
  }

  private void connect(Address address) throws TTransportException {
    TSocket socket = new TSocket(new TConfiguration(), address.host(), address.port(),
        socketTimeoutMillis, connectTimeoutMillis);
    socket.open();
    transport = socket;
    client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
  }

  private void disconnect() {
    if (transport != null) {
      transport.close();
    }
    transport = null;
    client = null;
  }

  /** True if the failure is a socket timeout: on a connected socket, the metastore did not answer in time. */
  private static boolean isTimeout(TTransportException e) {
    if (e.getType() == TTransportException.TIMED_OUT) {
      return true;
    }
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? text : root.getClass().getSimpleName() + ": " + text;
  }

  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
  }
}
