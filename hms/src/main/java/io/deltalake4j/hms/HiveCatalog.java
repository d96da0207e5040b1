package io.deltalake4j.hms;

import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.hms.internal.MetastoreCatalog;
import io.deltalake4j.hms.internal.MetastoreClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables by name through a Hive Metastore, over Thrift: the catalog Spark, Trino and Hive share.
 * Delta tables are recognised and registered as Spark and Trino do it (an external table with
 * {@code spark.sql.sources.provider=delta} and its location in the serde parameter {@code path}),
 * so each engine sees the tables the others register. Tables of other formats are left alone.
 *
 * <pre>{@code
 * try (HiveCatalog hms = HiveCatalog.connect("thrift://metastore:9083");
 *     DeltaLake lake = DeltaLake.builder().catalog(hms).build()) {
 *   DeltaTable sales = lake.table("default.sales_transactions");
 * }
 * }</pre>
 *
 * <p>One connection, opened on first use and shared by all calls (one at a time); thread-safe. A
 * call whose connection is refused, times out or breaks is tried again on the next address; a
 * call that gets no answer within the read timeout on an open connection fails at once, naming
 * the address. The caller closes the catalog,
 * after the lakes that use it.
 */
public final class HiveCatalog implements Catalog {

  private final MetastoreCatalog metastore;
  private final String addresses;

  private HiveCatalog(MetastoreCatalog metastore, String addresses) {
    this.metastore = metastore;
    this.addresses = addresses;
  }

  /**
   * A catalog over the metastore at {@code uris}, {@code thrift://host:port}, several separated
   * by commas for failover; default timeouts (10 s to connect, 60 s to answer) and 3 attempts.
   * Nothing is connected until the first call.
   *
   * @throws IllegalArgumentException if an address is not {@code thrift://host:port}
   */
  public static HiveCatalog connect(String uris) {
    return builder(uris).build();
  }

  /** @throws IllegalArgumentException if an address is not {@code thrift://host:port} */
  public static Builder builder(String uris) {
    return new Builder(uris);
  }

  @Override
  public String location(TableName name) {
    return metastore.location(name);
  }

  @Override
  public boolean exists(TableName name) {
    return metastore.exists(name);
  }

  @Override
  public boolean isTaken(TableName name) {
    return metastore.isTaken(name);
  }

  @Override
  public List<String> databases() {
    return metastore.databases();
  }

  @Override
  public List<TableName> tables(String database) {
    return metastore.tables(database);
  }

  @Override
  public void createDatabase(String database, String location) {
    metastore.createDatabase(database, location);
  }

  @Override
  public String defaultLocation(TableName name) {
    return metastore.defaultLocation(name);
  }

  @Override
  public void register(TableName name, String location) {
    metastore.register(name, location);
  }

  @Override
  public void unregister(TableName name) {
    metastore.unregister(name);
  }

  @Override
  public Map<String, String> sharedLocations(TableName name) {
    return metastore.sharedLocations(name);
  }

  @Override
  public void close() {
    metastore.close();
  }

  @Override
  public String toString() {
    return "HiveCatalog[" + addresses + "]";
  }

  /** Addresses, timeouts and attempts of a {@link HiveCatalog}. */
  public static final class Builder {
    private final String uris;
    private final List<MetastoreClient.Address> addresses;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int attempts = 3;

    private Builder(String uris) {
      this.uris = Objects.requireNonNull(uris, "uris");
      this.addresses = MetastoreClient.parseAddresses(uris);
    }

    /** How long to wait for a connection to each address (10 s unless set). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** How long to wait for an answer on a connection (60 s unless set). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /**
     * How many times a call is tried in all, moving to the next address after each failure (3
     * unless set, and at least once per address); a round over every address ends with a pause.
     */
    public Builder attempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("Invalid attempts " + attempts + ": give at least 1.");
      }
      this.attempts = attempts;
      return this;
    }

    public HiveCatalog build() {
      return new HiveCatalog(
          new MetastoreCatalog(new MetastoreClient(addresses, connectTimeout, readTimeout, attempts), uris), uris);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("Invalid " + what + " " + d + ": give a positive duration under 24 days.");
      }
      return d;
    }
  }
}
