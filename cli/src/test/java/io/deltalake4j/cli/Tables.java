package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.testing.SalesFixture;
import io.deltalake4j.testing.StorageUnderTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tables the command tests read, made once per storage and test run through the public API: the
 * sales table (1,000 rows at version 0, 100 appended at version 1) and the every-type table.
 */
final class Tables {
  private Tables() {}

  /** Open for the whole run: the fixtures' table handles need it. */
  static final DeltaLake LAKE = DeltaLake.local();

  private static final Map<String, SalesFixture> SALES = new ConcurrentHashMap<>();
  private static final Map<String, String> ALL_TYPES = new ConcurrentHashMap<>();

  static SalesFixture sales(StorageUnderTest storage) {
    return SALES.computeIfAbsent(storage.root(), r -> SalesFixture.create(LAKE, storage.newTablePath("sales"), 1_000, 100));
  }

  /** The location of the {@link AllTypes} table on this storage. */
  static String allTypes(StorageUnderTest storage) {
    return ALL_TYPES.computeIfAbsent(storage.root(), r -> {
      String path = storage.newTablePath("all-types");
      LAKE.create(path).schema(AllTypes.SCHEMA).rows(AllTypes.rows()).commit();
      return path;
    });
  }
}
