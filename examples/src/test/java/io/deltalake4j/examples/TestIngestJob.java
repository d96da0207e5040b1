package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.examples.streaming.GeneratedEvents;
import io.deltalake4j.examples.streaming.IngestJob;
import io.deltalake4j.examples.streaming.OffsetStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest loop's restarts: whatever the source offsets say, the table ends with each event once. */
class TestIngestJob {

  private static List<Row> events(int n) {
    List<Row> out = new ArrayList<>();
    for (long o = 0; o < n; o++) {
      out.add(GeneratedEvents.event(o));
    }
    return out;
  }

  private static List<Row> tableRows(DeltaLake lake, String path) {
    List<Row> rows = new ArrayList<>(lake.table(path).scan().toList());
    rows.sort(Comparator.comparingLong(r -> r.getLong("event_id")));
    return rows;
  }

  @Test
  void aGrownSourceAndANewBatchSizeNeitherLoseNorRepeatEvents(@TempDir Path dir) throws Exception {
    String path = dir.resolve("events").toString();
    OffsetStore offsets = new OffsetStore(dir.resolve("state"));
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(GeneratedEvents.SCHEMA).commit();

      IngestJob.Result first = new IngestJob(lake, path, "job", new GeneratedEvents(2_500), offsets, 200, 3,
          Duration.ZERO).run();
      assertThat(first.endOffset()).isEqualTo(2_500);
      assertThat(first.committed()).isEqualTo(13); // 12 whole batches and a partial one

      IngestJob.Result grown = new IngestJob(lake, path, "job", new GeneratedEvents(3_100), offsets, 300, 3,
          Duration.ZERO).run();
      assertThat(grown.resumedAt()).isEqualTo(2_500);
      assertThat(grown.committed()).isEqualTo(2);
      assertThat(tableRows(lake, path)).containsExactlyElementsOf(events(3_100));
    }
  }

  @Test
  void aLaggingOffsetOffTheTablesBatchesIsTrimmedNotRepeated(@TempDir Path dir) throws Exception {
    String path = dir.resolve("events").toString();
    OffsetStore offsets = new OffsetStore(dir.resolve("state"));
    try (DeltaLake lake = DeltaLake.local()) {
      lake.create(path).schema(GeneratedEvents.SCHEMA).commit();
      new IngestJob(lake, path, "job", new GeneratedEvents(1_000), offsets, 250, 1, Duration.ZERO).run();

      offsets.write("job", 50); // as if an older consumer position came back, off the table's batches
      IngestJob.Result replay = new IngestJob(lake, path, "job", new GeneratedEvents(1_600), offsets, 300, 1,
          Duration.ZERO).run();

      assertThat(replay.tableAt()).isEqualTo(1_000);
      assertThat(replay.skipped()).as("batches ending at 350, 650 and 950").isEqualTo(3);
      assertThat(replay.committed()).as("950-1250 trimmed to 1000-1250, then 1250-1550 and 1550-1600").isEqualTo(3);
      assertThat(tableRows(lake, path)).containsExactlyElementsOf(events(1_600));
      assertThat(lake.table(path).lastTransactionVersion("job")).hasValue(1_600);
    }
  }
}
