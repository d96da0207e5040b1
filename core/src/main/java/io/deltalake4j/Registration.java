package io.deltalake4j;

import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.internal.kernel.KernelTable;
import java.util.function.Function;

/** A table written by name: where it is, and its registration once a write has created it. */
final class Registration {
  private Registration() {}

  /**
   * Runs {@code write} on the table the name stands for (registered, or else new under its
   * database's location or at {@code location}) and registers a table the write created. If the
   * registration fails, a table the write created in a new directory is removed again.
   */
  static CommitResult write(DeltaLake lake, TableName name, String location, boolean mustBeNew,
      Function<KernelTable, CommitResult> write) {
    Catalog catalog = lake.catalogOrNull();
    if (catalog.exists(name)) {
      if (mustBeNew) {
        throw new io.deltalake4j.exceptions.TableAlreadyExistsException("Cannot create table " + name
            + ": the catalog already has it, at " + catalog.location(name) + ". Choose another name, or open that table.");
      }
      return write.apply(KernelTable.open(lake.engine(), catalog.location(name)));
    }
    KernelTable at = KernelTable.at(lake.engine(), location != null ? location : catalog.defaultLocation(name));
    boolean existed = at.locationExists();
    CommitResult result = write.apply(at);
    if (result.outcome() != CommitResult.Outcome.COMMITTED && !at.exists()) {
      return result;
    }
    try {
      catalog.register(name, at.location());
    } catch (RuntimeException e) {
      if (existed) {
        throw new CatalogException("Cannot register table " + name + ": " + e.getMessage() + " The Delta table at "
            + at.location() + " is kept, since its directory existed before; register it with "
            + "DeltaLake.register(\"" + name + "\", \"" + at.location() + "\") or delete it.", e);
      }
      try {
        at.deleteLocation();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return result;
  }
}
