package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.CommitConflictException;
import io.deltalake4j.sample.SalesData;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.StorageUnderTest;
import io.deltalake4j.testing.Storages;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Overwrites validate what they read: a commit by another writer in between that adds or removes
 * data in the overwritten range fails the overwrite (nothing lost, nothing committed); one
 * elsewhere in the table is merged. The other writer's commit is made while the overwrite reads
 * its rows, after it planned what to replace, which is exactly when a real race hits.
 */
@ExtendWith({Storages.class, LocalLake.class})
class TestWriteConflicts {

  /** The rows, with {@code meanwhile} run when the writer starts reading them. */
  private static Iterable<Row> rowsAfter(Runnable meanwhile, Iterable<Row> rows) {
    return () -> new Iterator<>() {
      private Iterator<Row> it;

      @Override
      public boolean hasNext() {
        if (it == null) {
          meanwhile.run();
          it = rows.iterator();
        }
        return it.hasNext();
      }

      @Override
      public Row next() {
        hasNext();
        return it.next();
      }
    };
  }

  private static List<Row> inRegion(String region, long first, int n) {
    List<Row> out = new ArrayList<>();
    for (Row r : SalesData.rows(first, n * 4, 5)) {
      if (r.getString("region").equals(region)) {
        out.add(r);
      }
    }
    return out;
  }

  private static String table(StorageUnderTest storage, DeltaLake lake) {
    String path = storage.newTablePath("raced");
    lake.create(path).schema(SalesData.SCHEMA).partitionBy("region").rows(SalesData.rows(400)).commit();
    return path;
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void anAppendIntoTheOverwrittenPartitionFailsTheOverwriteAndKeepsTheAppend(StorageUnderTest storage, DeltaLake lake)
      throws Exception {
    String path = table(storage, lake);
    Runnable concurrentAppend = () -> lake.table(path).append().rows(inRegion("us-east", 10_001, 7)).commit();
    int filesBefore = TestReadWrite.parquetFiles(path).size();

    assertThatThrownBy(() -> lake.table(path).overwrite().where("region = 'us-east'")
            .rows(rowsAfter(concurrentAppend, inRegion("us-east", 20_001, 3))).commit())
        .isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("changed data this overwrite replaces")
        .hasMessageContaining("added ")
        .hasMessageContaining("Nothing was committed");

    DeltaTable t = lake.table(path);
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.history(1).get(0).isBlindAppend()).hasValue(true);
    assertThat(t.scan().where("region = 'us-east'").count()).isEqualTo(100 + 7);
    assertThat(TestReadWrite.parquetFiles(path)).hasSize(filesBefore + 1);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aConcurrentOverwriteOfTheSameDataFailsTheSecond(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    Runnable concurrentOverwrite = () -> lake.table(path).overwrite().where("region = 'us-east'")
        .rows(inRegion("us-east", 30_001, 2)).commit();

    assertThatThrownBy(() -> lake.table(path).overwrite().where("region = 'us-east' OR region = 'us-west'")
            .rows(rowsAfter(concurrentOverwrite, inRegion("us-west", 40_001, 2))).commit())
        .isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("removed ");
    assertThat(lake.table(path).scan().where("region = 'us-east'").count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void commitsElsewhereInTheTableAreMergedIntoTheOverwrite(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    Runnable appendElsewhere = () -> lake.table(path).append().rows(inRegion("eu-central", 50_001, 5)).commit();

    CommitResult r = lake.table(path).overwrite().where("region = 'us-east'")
        .rows(rowsAfter(appendElsewhere, inRegion("us-east", 60_001, 3))).commit();

    DeltaTable t = lake.table(path);
    assertThat(r.version()).isEqualTo(2);
    assertThat(t.history(1).get(0).readVersion()).hasValue(0);
    assertThat(t.scan().where("region = 'us-east'").count()).isEqualTo(3);
    assertThat(t.scan().where("region = 'eu-central'").count()).isEqualTo(100 + 5);
    assertThat(t.scan().count()).isEqualTo(400 - 100 + 3 + 5);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void aFullOverwriteConflictsWithAnyConcurrentAppend(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    Runnable appendAnywhere = () -> lake.table(path).append().rows(inRegion("eu-central", 70_001, 1)).commit();

    assertThatThrownBy(() -> lake.table(path).overwrite().rows(rowsAfter(appendAnywhere, SalesData.rows(5))).commit())
        .isInstanceOf(CommitConflictException.class);
    assertThat(lake.table(path).scan().count()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("io.deltalake4j.testing.Storages#both")
  void concurrentBlindAppendsAllLand(StorageUnderTest storage, DeltaLake lake) {
    String path = table(storage, lake);
    Runnable other = () -> lake.table(path).append().rows(SalesData.rows(80_001, 3, 1)).commit();

    CommitResult r = lake.table(path).append().rows(rowsAfter(other, SalesData.rows(90_001, 4, 2))).commit();

    assertThat(r.version()).isEqualTo(2);
    assertThat(lake.table(path).history(1).get(0).readVersion()).hasValue(0);
    assertThat(lake.table(path).scan().count()).isEqualTo(407);
  }
}
