package io.deltalake4j.catalog;

import java.util.List;
import java.util.Map;

/**
 * Where a lake's tables are by name: for each {@code database.table}, the location of its Delta
 * table. A catalog records names and locations only; the table's log stays the source of truth
 * for its schema, partitioning and properties. Give one to {@link
 * io.deltalake4j.DeltaLake.Builder#catalog(Catalog)} to open tables by name; {@code
 * io.deltalake4j.hms.HiveCatalog} is one over a Hive Metastore.
 *
 * <p>Implementations are thread-safe. The caller that made the catalog closes it, after the lakes
 * that use it; a lake does not close its catalog.
 *
 * @see io.deltalake4j.exceptions.CatalogException for a catalog that cannot be reached or fails
 */
public interface Catalog extends AutoCloseable {

  /**
   * The location (a URI) of the Delta table registered under {@code name}.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if no table has the name, or the
   *     table of that name is not a Delta table
   */
  String location(TableName name);

  /** True if a Delta table is registered under {@code name}. */
  boolean exists(TableName name);

  /** True if any table, Delta or not, has the name. */
  boolean isTaken(TableName name);

  /** The names of the databases, sorted. */
  List<String> databases();

  /**
   * The Delta tables registered in {@code database}, sorted; tables of other formats are left out.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if the database does not exist
   */
  List<TableName> tables(String database);

  /**
   * Creates a database whose tables are made under {@code location} (a URI), or under the
   * catalog's warehouse when null. Does nothing if it exists.
   */
  void createDatabase(String database, String location);

  /**
   * Where a new table of this name is made unless another location is given: under its
   * database's location.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if the database does not exist
   */
  String defaultLocation(TableName name);

  /**
   * Records the Delta table at {@code location} (a URI) under {@code name}, so that every engine
   * using the catalog finds it there. Registering a name again for the same location does nothing.
   *
   * @throws io.deltalake4j.exceptions.TableAlreadyExistsException if the name is taken otherwise
   * @throws io.deltalake4j.exceptions.TableNotFoundException if the database does not exist
   */
  void register(TableName name, String location);

  /**
   * Removes the name; the table's files are not touched.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if no Delta table has the name
   */
  void unregister(TableName name);

  /**
   * Locations that hold other tables than {@code name}'s, each with what it is (for example
   * "the location of database sales"): a purge of {@code name} never deletes them, nor any of
   * their parents. A metastore gives its database's location and its warehouse directories; the
   * default gives none.
   *
   * @throws io.deltalake4j.exceptions.TableNotFoundException if the database does not exist
   */
  default Map<String, String> sharedLocations(TableName name) {
    return Map.of();
  }

  /** Releases the catalog's connections; closing twice is harmless. */
  @Override
  void close();
}
