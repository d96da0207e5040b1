package io.deltalake4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.hms.HiveCatalog;
import io.deltalake4j.hms.testing.Metastores;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --metastore}: tables by name, and {@code tables}, {@code register}, {@code unregister}, against a real metastore. */
@ExtendWith({Storages.class, Metastores.class})
class TestMetastoreCommands {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static String database(StorageUnderTest storage) {
    String db = "cli" + DATABASES.incrementAndGet();
    try (HiveCatalog hms = HiveCatalog.connect(Metastores.hms().uri())) {
      hms.createDatabase(db, storage.newTablePath(db + ".db"));
    }
    return db;
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aWriteByNameCreatesAndRegistersTheTableWhichEveryCommandOpensByName(StorageUnderTest storage, @TempDir Path dir)
      throws Exception {
    String db = database(storage);
    Path csv = dir.resolve("events.csv");
    Files.writeString(csv, "id,day\n1,2024-01-01\n2,2024-01-02\n3,2024-01-02\n");
    String hms = Metastores.hms().uri();

    CliRun write = CliRun.of("--metastore", hms, "write", db + ".events", "--input", csv.toString(), "--infer-schema",
        "--partition-by", "day");
    CliRun tables = CliRun.of("--metastore", hms, "tables", db);
    CliRun scan = CliRun.of("--metastore", hms, "scan", db + ".events", "--where", "day = '2024-01-02'", "--format", "csv");
    CliRun history = CliRun.of("history", db + ".events", "--metastore", hms, "--format", "jsonl");

    assertThat(write.exitCode()).as(write.err()).isZero();
    assertThat(tables.outLines()).containsExactly(db + ".events");
    assertThat(scan.outLines()).containsExactly("id,day", "2,2024-01-02", "3,2024-01-02");
    assertThat(history.outLines()).hasSize(1);
  }

  @Test
  void registerAndUnregisterNameAnExistingTableAndLeaveItsFiles() {
    StorageUnderTest storage = Storages.local();
    String db = database(storage);
    String path = storage.newTablePath("existing");
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(io.deltalake4j.sample.SalesData.SCHEMA).rows(io.deltalake4j.sample.SalesData.rows(5)).commit();
    }
    String hms = Metastores.hms().uri();

    CliRun register = CliRun.of("--metastore", hms, "register", db + ".orders", path);
    CliRun count = CliRun.of("--metastore", hms, "scan", db + ".orders", "--select", "transaction_id", "--format", "csv");
    CliRun unregister = CliRun.of("--metastore", hms, "unregister", db + ".orders");
    CliRun after = CliRun.of("--metastore", hms, "tables", db);

    assertThat(register.exitCode()).as(register.err()).isZero();
    assertThat(register.out()).startsWith("registered " + db + ".orders -> file:");
    assertThat(count.outLines()).hasSize(6);
    assertThat(unregister.out()).isEqualTo("unregistered " + db + ".orders\n");
    assertThat(after.outLines()).isEmpty();
    assertThat(CliRun.of("scan", path, "--format", "csv").outLines()).hasSize(6);

    CliRun again = CliRun.of("--metastore", hms, "register", db + ".orders", path);
    CliRun purge = CliRun.of("--metastore", hms, "unregister", db + ".orders", "--purge");
    assertThat(again.exitCode()).isZero();
    assertThat(purge.out()).isEqualTo("purged " + db + ".orders: unregistered, and its files deleted\n");
    assertThat(CliRun.of("scan", path).exitCode()).as("the files are gone").isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void purgeRefusesALocationHoldingAnotherTableAndDeletesNothing(StorageUnderTest storage) {
    String db = database(storage);
    String outer = storage.newTablePath("outer");
    String inner = outer + "/archive/inner";
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(outer).schema(io.deltalake4j.sample.SalesData.SCHEMA).rows(io.deltalake4j.sample.SalesData.rows(4)).commit();
      lake.create(inner).schema(io.deltalake4j.sample.SalesData.SCHEMA).rows(io.deltalake4j.sample.SalesData.rows(3)).commit();
    }
    String hms = Metastores.hms().uri();
    assertThat(CliRun.of("--metastore", hms, "register", db + ".outer", outer).exitCode()).isZero();

    CliRun purge = CliRun.of("--metastore", hms, "unregister", db + ".outer", "--purge");

    assertThat(purge.exitCode()).isEqualTo(1);
    assertThat(purge.out()).isEmpty();
    assertThat(purge.errLines()).singleElement().asString()
        .startsWith("deltalake4j: Cannot purge table " + db + ".outer: its location ")
        .contains("holds another Delta table below it, at ", "/archive/inner", "Nothing was deleted and the name stays registered");
    assertThat(CliRun.of("--metastore", hms, "tables", db).outLines()).containsExactly(db + ".outer");
    assertThat(CliRun.of("scan", outer, "--format", "csv").outLines()).hasSize(5);
    assertThat(CliRun.of("scan", inner, "--format", "csv").outLines()).hasSize(4);
  }

  @Test
  void theDemoRegistersItsTableAgainOnEveryRun(@TempDir Path dir) {
    String db = database(Storages.local());
    String hms = Metastores.hms().uri();
    String warehouse = dir.resolve("warehouse").toString();

    CliRun first = CliRun.of("--metastore", hms, "demo", "--warehouse", warehouse, "--rows", "200", "--register", db + ".sales");
    CliRun second = CliRun.of("--metastore", hms, "demo", "--warehouse", warehouse, "--rows", "300", "--register", db + ".sales");
    CliRun count = CliRun.of("--metastore", hms, "scan", db + ".sales", "--select", "transaction_id", "--format", "csv");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("Registered as " + db + ".sales in the metastore at " + hms);
    assertThat(count.outLines()).as("header and 300 + 30 rows").hasSize(331);
  }

  @Test
  void metastoreCommandsWithoutAMetastoreOrWithAMissingNameFailClearly() {
    CliRun without = CliRun.of("tables");
    CliRun badName = CliRun.of("--metastore", Metastores.hms().uri(), "unregister", "no-dots");
    CliRun missing = CliRun.of("--metastore", Metastores.hms().uri(), "scan", "default.nope");
    CliRun badUri = CliRun.of("--metastore", "localhost:9083", "tables");

    assertThat(without.exitCode()).isEqualTo(2);
    assertThat(without.err()).contains("Missing option '--metastore'");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("write database.table");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("has no table default.nope");
    assertThat(badUri.exitCode()).isEqualTo(2);
    assertThat(badUri.err()).contains("write thrift://host:port");
  }
}
