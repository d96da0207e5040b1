package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What our commits record, as Spark records it, and what history() reads back. */
@ExtendWith({Storages.class, LocalLake.class})
class TestCommitInfo {

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void eachOperationRecordsItsParametersAndMetrics(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("commit-info");
    CommitResult created = lake.create(path).schema(SalesData.SCHEMA).partitionBy("region")
        .property("owner", "sales-team").rows(SalesData.rows(100)).commit();
    CommitResult appended = lake.table(path).append().rows(SalesData.rows(101, 20, 2)).commit();
    lake.table(path).overwrite().where("region = 'us-east'").rows(List.of()).commit();

    List<Commit> history = lake.table(path).history(3);
    Commit create = history.get(2);
    Commit append = history.get(1);
    Commit overwrite = history.get(0);

    assertThat(create.operation()).isEqualTo("CREATE TABLE");
    assertThat(create.operationParameters()).containsExactly(
        java.util.Map.entry("isManaged", "false"),
        java.util.Map.entry("partitionBy", "[\"region\"]"),
        java.util.Map.entry("properties", "{\"owner\":\"sales-team\"}"));
    assertThat(create.operationMetrics()).containsEntry("numFiles", Long.toString(created.filesAdded()))
        .containsEntry("numOutputRows", "100").containsEntry("numOutputBytes", Long.toString(created.bytesWritten()));
    assertThat(create.readVersion()).isEmpty();
    assertThat(create.isBlindAppend()).hasValue(true);
    assertThat(create.engineInfo()).hasValueSatisfying(e -> assertThat(e).matches("deltalake4j/" + java.util.regex.Pattern.quote(DeltaLake.libraryVersion()) + " Delta-Kernel/4\\.4\\.\\d+"));

    assertThat(append.operation()).isEqualTo("WRITE");
    assertThat(append.operationParameters()).containsEntry("mode", "Append").containsEntry("partitionBy", "[]");
    assertThat(append.operationMetrics()).containsEntry("numOutputRows", "20")
        .containsEntry("numFiles", Long.toString(appended.filesAdded())).doesNotContainKey("numRemovedFiles");
    assertThat(append.readVersion()).hasValue(0);
    assertThat(append.isBlindAppend()).hasValue(true);

    assertThat(overwrite.operationParameters()).containsEntry("mode", "Overwrite").containsKey("predicate");
    // us-east holds one file from the create and one from the append.
    assertThat(overwrite.operationMetrics()).containsEntry("numOutputRows", "0").containsEntry("numRemovedFiles", "2");
    assertThat(overwrite.isBlindAppend()).hasValue(false);
    assertThat(overwrite.timestamp()).isAfterOrEqualTo(append.timestamp());
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void userMetadataAndCommitPropertiesAreRecorded(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("user-metadata");
    lake.create(path).schema(SalesData.SCHEMA).userMetadata("initial load").commit();
    lake.table(path).append().userMetadata("batch 7 from kafka").commitProperty("pipeline", "sales-ingest")
        .commitProperty("run_id", "2024-06-01T00:00Z#7").rows(SalesData.rows(3)).commit();

    List<Commit> history = lake.table(path).history(2);

    assertThat(history.get(1).userMetadata()).hasValue("initial load");
    assertThat(history.get(1).commitProperties()).isEmpty();
    assertThat(history.get(0).userMetadata()).hasValue("batch 7 from kafka");
    assertThat(history.get(0).commitProperties())
        .containsExactly(java.util.Map.entry("pipeline", "sales-ingest"), java.util.Map.entry("run_id", "2024-06-01T00:00Z#7"));
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aCommitPropertyCannotShadowAStandardField(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("shadow");
    assertThatThrownBy(() -> lake.create(path).schema(SalesData.SCHEMA).commitProperty("operation", "DELETE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'operation'")
        .hasMessageContaining("standard commitInfo field");
  }
}
