package io.deltalake4j;

import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.exceptions.TableNotFoundException;
import io.deltalake4j.internal.kernel.KernelTable;
import java.util.function.Function;

/** A table written by name: where it is, and its registration once a write has created it. */
final class Registration {
  private Registration() {}

  /**
   * Runs {@code write} on the table the name stands for (registered, or else new under its
   * database's location or at {@code location}) and registers a table the write created. A name
   * taken by a table of another format, or a location already holding an unregistered Delta table,
   * is refused before anything is written. If the catalog refuses the registration, a table the
   * write created in a new directory is removed again; if it cannot be told whether it registered,
   * the table is kept.
   */
  static CommitResult write(DeltaLake lake, TableName name, String location, boolean mustBeNew,
      Function<KernelTable, CommitResult> write) {
    Catalog catalog = lake.catalogOrNull();
    if (catalog.exists(name)) {
      if (mustBeNew) {
        throw new TableAlreadyExistsException("Cannot create table " + name + ": the catalog already has it, at "
            + catalog.location(name) + ". Choose another name, or open that table.");
      }
      return write.apply(KernelTable.open(lake.engine(), catalog.location(name)));
    }
    if (catalog.isTaken(name)) {
      throw new TableAlreadyExistsException("Cannot write table " + name + ": the catalog has a table of that name "
          + "that is not a Delta table. Choose another name; nothing was written.");
    }
    KernelTable at = KernelTable.at(lake.engine(), location != null ? location : catalog.defaultLocation(name));
    if (at.exists()) {
      throw new TableAlreadyExistsException("Cannot write table " + name + ": a Delta table is already at " + at.location()
          + " but not registered under that name. Register it with DeltaLake.register(\"" + name + "\", \""
          + at.location() + "\"), or give another location.");
    }
    boolean existed = at.locationExists();
    CommitResult result = write.apply(at);
    if (result.outcome() != CommitResult.Outcome.COMMITTED) {
      return result;
    }
    try {
      catalog.register(name, at.location());
    } catch (TableAlreadyExistsException | TableNotFoundException refused) {
      // The catalog said no: the table just made is taken back, unless its directory held something before.
      if (existed) {
        throw new CatalogException("Cannot register table " + name + ": " + refused.getMessage() + " The Delta table at "
            + at.location() + " is kept, since its directory existed before; register it under another name, or delete it.",
            refused);
      }
      try {
        at.deleteLocation();
      } catch (RuntimeException cleanup) {
        refused.addSuppressed(cleanup);
      }
      throw refused;
    } catch (RuntimeException unknown) {
      throw new CatalogException("Cannot tell whether table " + name + " was registered: " + unknown.getMessage()
          + " The Delta table at " + at.location() + " is kept. Check with DeltaLake.catalog().tables(\""
          + name.database() + "\"), and register it with DeltaLake.register if it is missing.", unknown);
    }
    return result;
  }
}
