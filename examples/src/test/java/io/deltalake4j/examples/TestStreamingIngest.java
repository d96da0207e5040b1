package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.DeltaTable;
import io.deltalake4j.Row;
import io.deltalake4j.examples.streaming.GeneratedEvents;
import io.deltalake4j.testing.Storages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * StreamingIngest kills its worker JVM mid-stream and resumes: the table must then hold every
 * event of the source exactly once, as the generator makes them, on local disk and on HDFS.
 */
@ExtendWith(Storages.class)
class TestStreamingIngest {

  private static long count(String cell) {
    return Long.parseLong(cell.replace(",", ""));
  }

  private static void assertExactlyOnce(String text, String table, int events, int batchSize) {
    List<String> killed = StdOut.tableHeaded(text, "worker").get(1);
    assertThat(killed.get(1)).as("the worker was killed, not left to finish").isEqualTo("killed (137)");
    long position = count(killed.get(2));
    assertThat(count(killed.get(3))).as("rows at the kill: the events before the table's position")
        .isEqualTo(position);
    assertThat(position % batchSize).as("whole batches only").isZero();
    long committedOffset = count(killed.get(4));
    assertThat(committedOffset).as("source offsets may lag behind the table, never lead")
        .isLessThanOrEqualTo(position);
    assertThat(committedOffset % batchSize).as("committed at a batch's end").isZero();

    List<String> resumed = StdOut.tableHeaded(text, "resumed at offset").get(1);
    assertThat(count(resumed.get(0))).isEqualTo(committedOffset);
    assertThat(count(resumed.get(1))).isEqualTo(position);
    assertThat(count(resumed.get(2))).as("replayed batches skipped").isEqualTo((position - committedOffset) / batchSize);
    long batches = (events + batchSize - 1) / batchSize;
    assertThat(count(resumed.get(3))).isEqualTo(batches - position / batchSize);
    assertThat(count(resumed.get(4))).isEqualTo(events);

    assertThat(StdOut.tableHeaded(text, "events").get(1)).endsWith("exactly once");
    List<Row> expected = new ArrayList<>();
    for (long o = 0; o < events; o++) {
      expected.add(GeneratedEvents.event(o));
    }
    try (DeltaLake lake = DeltaLake.local()) {
      DeltaTable t = lake.table(table);
      List<Row> rows = new ArrayList<>(t.scan().toList());
      rows.sort(Comparator.comparingLong(r -> r.getLong("event_id")));
      assertThat(rows).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aKilledJobResumesWithEveryEventOnce(@TempDir Path dir) {
    String warehouse = dir.resolve("warehouse").toString();
    String text = StdOut.of(() -> StreamingIngest.main(new String[] {"--warehouse", warehouse, "--state",
        dir.resolve("state").toString(), "--events", "6000", "--batch-size", "500", "--kill-after", "4"}));

    assertExactlyOnce(text, warehouse + "/events_stream", 6_000, 500);
  }

  @Test
  void onHdfsTheSameHolds(@TempDir Path dir) {
    String warehouse = Storages.hdfs().newTablePath("streaming");
    String text = StdOut.of(() -> StreamingIngest.main(new String[] {"--warehouse", warehouse, "--state",
        dir.resolve("state").toString(), "--events", "2500", "--batch-size", "200", "--offsets-every", "2",
        "--kill-after", "3"}));

    assertExactlyOnce(text, warehouse + "/events_stream", 2_500, 200);
  }
}
