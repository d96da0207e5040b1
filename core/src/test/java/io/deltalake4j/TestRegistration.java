package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.catalog.Catalog;
import io.deltalake4j.catalog.TableName;
import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.exceptions.TableAlreadyExistsException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a write by name does when the catalog fails to register the table it created: a refusal
 * takes the new table back, an unknown outcome keeps it. (The Hive Metastore tests cover the
 * catalog itself; this catalog only records what it is asked and fails on register.)
 */
@ExtendWith(Storages.class)
class TestRegistration {

  /** An empty catalog whose databases live under {@code root} and whose register fails as told. */
  private record FailingCatalog(String root, Supplier<RuntimeException> failure) implements Catalog {
    @Override
    public String location(TableName name) {
      throw new AssertionError("no table is registered");
    }

    @Override
    public boolean exists(TableName name) {
      return false;
    }

    @Override
    public boolean isTaken(TableName name) {
      return false;
    }

    @Override
    public List<String> databases() {
      return List.of("db");
    }

    @Override
    public List<TableName> tables(String database) {
      return List.of();
    }

    @Override
    public void createDatabase(String database, String location) {}

    @Override
    public String defaultLocation(TableName name) {
      return root + "/" + name.table();
    }

    @Override
    public void register(TableName name, String location) {
      throw failure.get();
    }

    @Override
    public void unregister(TableName name) {}

    @Override
    public void close() {}
  }

  private static String root(String name) {
    return Storages.local().newTablePath(name);
  }

  @Test
  void aRefusedRegistrationTakesBackTheTableJustCreated() {
    String root = root("refused");
    try (DeltaLake lake = DeltaLake.builder().catalog(new FailingCatalog(root,
        () -> new TableAlreadyExistsException("taken meanwhile"))).build()) {
      assertThatThrownBy(() -> lake.create("db.t").schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit())
          .isInstanceOf(TableAlreadyExistsException.class)
          .hasMessage("taken meanwhile");
      assertThat(lake.exists(root + "/t")).isFalse();
      assertThat(Files.exists(Path.of(java.net.URI.create(root + "/t")))).as("the directory is gone").isFalse();
    }
  }

  @Test
  void aRegistrationOfUnknownOutcomeKeepsTheTable() {
    String root = root("unknown");
    try (DeltaLake lake = DeltaLake.builder().catalog(new FailingCatalog(root,
        () -> new CatalogException("no Hive Metastore answered"))).build()) {
      assertThatThrownBy(() -> lake.write("db.t").schema(SalesData.SCHEMA).rows(SalesData.rows(10)).commit())
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("Cannot tell whether table db.t was registered")
          .hasMessageContaining("is kept");
      assertThat(lake.table(root + "/t").scan().count()).isEqualTo(10);
    }
  }

  @Test
  void aRefusalKeepsATableWhoseDirectoryExistedBefore() throws Exception {
    String root = root("existing");
    Path dir = Path.of(java.net.URI.create(root + "/t"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("README.txt"), "someone else's file");
    try (DeltaLake lake = DeltaLake.builder().catalog(new FailingCatalog(root,
        () -> new TableAlreadyExistsException("taken meanwhile"))).build()) {
      assertThatThrownBy(() -> lake.create("db.t").schema(SalesData.SCHEMA).commit())
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("is kept, since its directory existed before");
    }
    assertThat(dir.resolve("README.txt")).hasContent("someone else's file");
  }
}
