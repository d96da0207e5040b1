package io.deltalake4j.hms.internal;

import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.trino.hive.thrift.metastore.AlreadyExistsException;
import io.trino.hive.thrift.metastore.ClientCapabilities;
import io.trino.hive.thrift.metastore.ClientCapability;
import io.trino.hive.thrift.metastore.Database;
import io.trino.hive.thrift.metastore.GetTableRequest;
import io.trino.hive.thrift.metastore.GetTablesRequest;
import io.trino.hive.thrift.metastore.NoSuchObjectException;
import io.trino.hive.thrift.metastore.Table;
import io.trino.hive.thrift.metastore.ThriftHiveMetastore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;

/**
 * The metastore calls behind {@code HiveCatalog}: Delta tables found, listed, registered and
 * unregistered over Thrift, and the metastore's answers turned into the library's errors.
 */
public final class MetastoreCatalog implements Catalog {

  /**
   * What this client can handle, sent with table lookups: without it, HMS 4 refuses a lookup that
   * meets an insert-only transactional table (which is then simply not Delta).
   */
  private static final ClientCapabilities CAPABILITIES = new ClientCapabilities(List.of(ClientCapability.INSERT_ONLY_TABLES));

  /**
   * The metastore settings naming its warehouse directories (managed and external tables), under
   * Hive 3+'s names and Hive 2's.
   */
  private static final List<String> WAREHOUSE_KEYS = List.of("metastore.warehouse.dir", "metastore.warehouse.external.dir",
      "hive.metastore.warehouse.dir", "hive.metastore.warehouse.external.dir");

  /** Tables fetched per call when listing. */
  private static final int LIST_BATCH = 100;

  private final MetastoreClient client;
  private final String addresses;

  public MetastoreCatalog(MetastoreClient client, String addresses) {
    this.client = client;
    this.addresses = addresses;
  }

  @Override
  public String location(TableName name) {
    Table table = table(name, "open table " + name);
    String location = DeltaEntries.location(table);
    if (location == null || location.isBlank()) {
      throw new TableNotFoundException("Cannot open table " + name + ": its metastore entry has no location. "
          + "Register it again with its path.");
    }
    return location;
  }

  @Override
  public boolean exists(TableName name) {
    Table table = find(name, "look up table " + name);
    return table != null && DeltaEntries.isDelta(table);
  }

  @Override
  public boolean isTaken(TableName name) {
    return find(name, "look up table " + name) != null;
  }

  @Override
  public List<String> databases() {
    List<String> names = new ArrayList<>(call("list the databases", ThriftHiveMetastore.Client::getAllDatabases));
    names.sort(null);
    return names;
  }

  @Override
  public List<TableName> tables(String database) {
    String db = TableName.database(database);
    database(db, "list the tables of database " + db);
    String what = "list the tables of database " + db;
    List<String> names = call(what, c -> c.getAllTables(db));
    List<TableName> out = new ArrayList<>();
    for (int from = 0; from < names.size(); from += LIST_BATCH) {
      List<String> batch = names.subList(from, Math.min(names.size(), from + LIST_BATCH));
      for (Table table : call(what, c -> getTables(c, db, batch))) {
        if (DeltaEntries.isDelta(table)) {
          out.add(new TableName(db, table.getTableName()));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(TableName::table));
    return out;
  }

  @Override
  public void createDatabase(String database, String location) {
    String db = TableName.database(database);
    Database d = new Database();
    d.setName(db);
    d.setDescription("");
    d.setParameters(new HashMap<>());
    if (location != null) {
      d.setLocationUri(location);
    }
    try {
      client.call("create database " + db, c -> {
        c.createDatabase(d);
        return null;
      });
    } catch (AlreadyExistsException e) {
      // as documented: nothing to do
    } catch (TException e) {
      throw failed("create database " + db, e);
    }
  }

  @Override
  public String defaultLocation(TableName name) {
    Database d = database(name.database(), "create table " + name);
    String base = d.getLocationUri();
    if (base == null || base.isBlank()) {
      throw new CatalogException("Cannot place table " + name + ": database " + name.database()
          + " has no location in the metastore. Give the table a location.");
    }
    return (base.endsWith("/") ? base : base + "/") + name.table();
  }

  @Override
  public void register(TableName name, String location) {
    Objects.requireNonNull(location, "location");
    database(name.database(), "register table " + name);
    Table entry = DeltaEntries.entry(name.database(), name.table(), location, System.getProperty("user.name", "deltalake4j"));
    try {
      client.call("register table " + name, c -> {
        c.createTable(entry);
        return null;
      });
    } catch (AlreadyExistsException e) {
      Table existing = find(name, "register table " + name);
      if (existing != null && DeltaEntries.isDelta(existing) && sameLocation(location, DeltaEntries.location(existing))) {
        return; // registered there already (by us, or by our own create answered on a connection that broke)
      }
      throw new TableAlreadyExistsException("Cannot register table " + name + ": the metastore has a table of that "
          + "name already" + (existing == null ? "" : " (" + DeltaEntries.describe(existing) + " at "
          + DeltaEntries.location(existing) + ")") + ". Choose another name, or unregister that one first.");
    } catch (TException e) {
      throw failed("register table " + name, e);
    }
  }

  @Override
  public void unregister(TableName name) {
    table(name, "unregister table " + name);
    try {
      client.call("unregister table " + name, c -> {
        c.dropTable(name.database(), name.table(), false);
        return null;
      });
    } catch (NoSuchObjectException e) {
      // gone meanwhile: what was asked for
    } catch (TException e) {
      throw failed("unregister table " + name, e);
    }
  }

  /** The database's location and the metastore's warehouse directories (those it is willing to tell). */
  @Override
  public Map<String, String> sharedLocations(TableName name) {
    Map<String, String> out = new LinkedHashMap<>();
    Database d = database(name.database(), "purge table " + name);
    if (d.getLocationUri() != null && !d.getLocationUri().isBlank()) {
      out.put(d.getLocationUri(), "the location of database " + name.database());
    }
    for (String key : WAREHOUSE_KEYS) {
      String location = configValue(key);
      if (!location.isBlank()) {
        out.putIfAbsent(location, "the metastore's warehouse (" + key + ")");
      }
    }
    return out;
  }

  /**
   * A metastore setting, or "" if it is unset or the metastore will not tell (a purge's other
   * checks still hold without it).
   */
  private String configValue(String key) {
    try {
      String value = client.call("read the metastore setting " + key, c -> c.getConfigValue(key, ""));
      return value == null ? "" : value;
    } catch (TException e) {
      return "";
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static boolean sameLocation(String a, String b) {
    return b != null && a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
  }

  /** The metastore's entry for the name, which must be a Delta table. */
  private Table table(TableName name, String what) {
    Table table = find(name, what);
    if (table == null) {
      throw new TableNotFoundException("Cannot " + what + ": the metastore at " + addresses + " has no table "
          + name + ". Check the name (tables are listed by DeltaLake.catalog().tables(\"" + name.database()
          + "\")), or register the table; for a relative path of that form, write ./" + name + ".");
    }
    if (!DeltaEntries.isDelta(table)) {
      throw new TableNotFoundException("Cannot " + what + ": it is " + DeltaEntries.describe(table)
          + ", not a Delta table (its spark.sql.sources.provider is not delta). Read it with an engine for that format.");
    }
    return table;
  }

  /** The metastore's entry for the name, or null if there is none (nor its database). */
  private Table find(TableName name, String what) {
    try {
      return client.call(what, c -> getTable(c, name));
    } catch (NoSuchObjectException e) {
      return null;
    } catch (TException e) {
      throw failed(what, e);
    }
  }

  /** {@code get_table_req}, which HMS 4 requires, or {@code get_table} on servers too old to have it. */
  private static Table getTable(ThriftHiveMetastore.Client c, TableName name) throws TException {
    try {
      GetTableRequest request = new GetTableRequest(name.database(), name.table());
      request.setCapabilities(CAPABILITIES);
      return c.getTableReq(request).getTable();
    } catch (TApplicationException e) {
      if (e.getType() != TApplicationException.UNKNOWN_METHOD) {
        throw e;
      }
      return c.getTable(name.database(), name.table());
    }
  }

  /** {@code get_table_objects_by_name_req}, or the call it replaced on old servers. */
  private static List<Table> getTables(ThriftHiveMetastore.Client c, String db, List<String> names) throws TException {
    try {
      return c.getTableObjectsByNameReq(
          new GetTablesRequest(db).setTblNames(new ArrayList<>(names)).setCapabilities(CAPABILITIES)).getTables();
    } catch (TApplicationException e) {
      if (e.getType() != TApplicationException.UNKNOWN_METHOD) {
        throw e;
      }
      return c.getTableObjectsByName(db, new ArrayList<>(names));
    }
  }

  private Database database(String db, String what) {
    try {
      return client.call(what, c -> c.getDatabase(db));
    } catch (NoSuchObjectException e) {
      throw new TableNotFoundException("Cannot " + what + ": the metastore at " + addresses + " has no database "
          + db + ". Create it first (DeltaLake.catalog().createDatabase), or check the name.");
    } catch (TException e) {
      throw failed(what, e);
    }
  }

  private <T> T call(String what, MetastoreClient.Call<T> call) {
    try {
      return client.call(what, call);
    } catch (TException e) {
      throw failed(what, e);
    }
  }

  private CatalogException failed(String what, TException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CatalogException("Cannot " + what + ": the metastore at " + addresses + " refused: " + reason
        + ". Check the metastore's log.", e);
  }
}
