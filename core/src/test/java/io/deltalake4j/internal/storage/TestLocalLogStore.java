package io.deltalake4j.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local log store publishes a commit file at most once, whoever races for it. */
class TestLocalLogStore {

  private final Configuration conf = new Configuration();
  private final LocalLogStore store = new LocalLogStore(conf);

  @Test
  void exactlyOneOfManyRacingWritersCreatesACommitFile(@TempDir java.nio.file.Path dir) throws Exception {
    Path commit = new Path(dir.toUri().toString(), "00000000000000000007.json");
    int writers = 16;
    for (int round = 0; round < 20; round++) {
      Files.deleteIfExists(dir.resolve("00000000000000000007.json"));
      CyclicBarrier start = new CyclicBarrier(writers);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String line = "{\"writer\":" + w + "}";
        results.add(pool.submit(() -> {
          start.await();
          try {
            store.write(commit, List.of(line).iterator(), false, conf);
            return true;
          } catch (FileAlreadyExistsException e) {
            return false;
          }
        }));
      }
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      pool.shutdown();

      assertThat(won).as("round %d", round).isEqualTo(1);
      List<String> lines = new ArrayList<>();
      store.read(commit, conf).forEachRemaining(lines::add);
      assertThat(lines).hasSize(1).allMatch(l -> l.startsWith("{\"writer\":"));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("00000000000000000007.json");
    }
  }

  @Test
  void overwriteReplacesAndListingIsSortedFromTheGivenName(@TempDir java.nio.file.Path dir) throws Exception {
    String base = dir.toUri().toString();
    for (String name : List.of("00000000000000000002.json", "00000000000000000000.json", "00000000000000000001.json")) {
      store.write(new Path(base, name), List.of("{}").iterator(), false, conf);
    }
    store.write(new Path(base, "_last_checkpoint"), List.of("a").iterator(), true, conf);
    store.write(new Path(base, "_last_checkpoint"), List.of("b").iterator(), true, conf);

    List<String> names = new ArrayList<>();
    store.listFrom(new Path(base, "00000000000000000001.json"), conf).forEachRemaining(s -> names.add(s.getPath().getName()));
    List<String> checkpoint = new ArrayList<>();
    store.read(new Path(base, "_last_checkpoint"), conf).forEachRemaining(checkpoint::add);

    assertThat(names).containsExactly("00000000000000000001.json", "00000000000000000002.json", "_last_checkpoint");
    assertThat(checkpoint).containsExactly("b");
    assertThatThrownBy(() -> store.write(new Path(base, "00000000000000000001.json"), List.of("x").iterator(), false, conf))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("00000000000000000001.json");
  }

  @Test
  void aMissingDirectoryIsFileNotFound(@TempDir java.nio.file.Path dir) {
    Path missing = new Path(dir.toUri().toString() + "/nope/00000000000000000000.json");
    assertThatThrownBy(() -> store.listFrom(missing, conf)).isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> store.write(missing, List.of("{}").iterator(), false, conf))
        .isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> store.read(missing, conf)).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void partialWritesCountAsVisibleSoCheckpointsAreRenamedIntoPlace(@TempDir java.nio.file.Path dir) throws Exception {
    assertThat(store.isPartialWriteVisible(new Path(dir.toUri().toString(), "x.checkpoint.parquet"), conf)).isTrue();
  }

  @Test
  void listingReportsSizesAndTimes(@TempDir java.nio.file.Path dir) throws Exception {
    Path file = new Path(dir.toUri().toString(), "00000000000000000000.json");
    store.write(file, List.of("{\"a\":1}").iterator(), false, conf);

    FileStatus status = store.listFrom(file, conf).next();

    assertThat(status.getLen()).isEqualTo(8);
    assertThat(status.getModificationTime()).isPositive();
    assertThat(status.getPath().toString()).isEqualTo(file.toString());
  }
}
