package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** transaction(appId, version): each application version commits at most once, whatever the retries. */
@ExtendWith({Storages.class, LocalLake.class})
class TestIdempotentWrites {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aReplayedTransactionCommitsNothingAndSaysSo(StorageUnderTest storage, DeltaLake lake) throws Exception {
    String path = storage.newTablePath("idempotent");
    lake.create(path).schema(SalesData.SCHEMA).commit();
    CommitResult first = lake.table(path).append().transaction("ingest", 1).rows(SalesData.rows(1, 10, 1)).commit();
    int files = TestReadWrite.parquetFiles(path).size();

    CommitResult replay = lake.table(path).append().transaction("ingest", 1).rows(SalesData.rows(1, 10, 1)).commit();
    CommitResult older = lake.table(path).append().transaction("ingest", 0).rows(SalesData.rows(100, 10, 1)).commit();

    assertThat(first.outcome()).isEqualTo(CommitResult.Outcome.COMMITTED);
    assertThat(replay.outcome()).isEqualTo(CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED);
    assertThat(replay.version()).isEqualTo(1);
    assertThat(older.outcome()).isEqualTo(CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED);
    assertThat(lake.table(path).version()).isEqualTo(1);
    assertThat(lake.table(path).scan().count()).isEqualTo(10);
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(files);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aRestartedWriterResumesAfterItsLastCommittedVersion(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("resume");
    lake.create(path).schema(SalesData.SCHEMA).transaction("ingest", 0).rows(SalesData.rows(1, 5, 0)).commit();
    for (long batch = 1; batch <= 3; batch++) {
      lake.table(path).append().transaction("ingest", batch).rows(SalesData.rows(batch * 5 + 1, 5, batch)).commit();
    }
    lake.table(path).append().transaction("other-app", 7).rows(SalesData.rows(100, 1, 7)).commit();

    DeltaTable t = lake.table(path);
    assertThat(t.lastTransactionVersion("ingest")).hasValue(3);
    assertThat(t.lastTransactionVersion("other-app")).hasValue(7);
    assertThat(t.lastTransactionVersion("never")).isEmpty();
    assertThat(t.asOfVersion(0).lastTransactionVersion("ingest")).hasValue(0);
    assertThat(t.scan().count()).isEqualTo(21);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void overwritesAndCreatesAreIdempotentToo(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("idempotent-overwrite");
    lake.write(path).mode(WriteMode.OVERWRITE).schema(SalesData.SCHEMA).transaction("daily", 20240101)
        .rows(SalesData.rows(1, 10, 1)).commit();
    CommitResult again = lake.write(path).mode(WriteMode.OVERWRITE).schema(SalesData.SCHEMA).transaction("daily", 20240101)
        .rows(SalesData.rows(1, 3, 1)).commit();
    CommitResult next = lake.table(path).overwrite().transaction("daily", 20240102).rows(SalesData.rows(1, 4, 1)).commit();

    assertThat(again.outcome()).isEqualTo(CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED);
    assertThat(next.outcome()).isEqualTo(CommitResult.Outcome.COMMITTED);
    assertThat(lake.table(path).scan().count()).isEqualTo(4);
    assertThat(lake.table(path).lastTransactionVersion("daily")).hasValue(20240102);
  }
}
