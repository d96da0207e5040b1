package io.deltalake4j.internal.kernel.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spill directories a crashed writer left behind are removed by the next write that spills; those
 * of live writers, and anything not a spill directory, are left alone.
 */
class TestSpillDirectories {

  static final StructType SCHEMA = StructType.builder()
      .add("id", PrimitiveType.LONG).add("part", PrimitiveType.INT).add("payload", PrimitiveType.STRING).build();

  @Test
  void aSpillingWriteRemovesTheSpillDirectoryOfADeadWriterAndKeepsALiveOnes(@TempDir Path dir) throws Exception {
    Path spill = Files.createDirectories(dir.resolve("spill"));
    Path dead = spillDirectoryOf(spill, deadPid());
    Path live = spillDirectoryOf(spill, ProcessHandle.current().pid());
    Path oldStyleYoung = Files.createDirectory(spill.resolve("deltalake4j-spill-4711081512"));
    Path notOurs = Files.createDirectory(spill.resolve("some-other-tool-" + deadPid() + "-1"));
    Path fileWithOurPrefix = Files.writeString(spill.resolve("deltalake4j-spill-" + deadPid() + "-2"), "not a directory");

    spillingWrite(dir.resolve("table"), spill, 3_000);

    assertThat(dead).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(live.resolve("0/part-0.parquet")).exists();
    assertThat(oldStyleYoung).isDirectory();
    assertThat(notOurs).isDirectory();
    assertThat(fileWithOurPrefix).isRegularFile();
    assertThat(children(spill)).as("the write's own spill directory is deleted when it ends")
        .containsExactlyInAnyOrder(live, oldStyleYoung, notOurs, fileWithOurPrefix);
  }

  @Test
  void aDirectoryWhoseLockIsHeldStaysThoughItsNamedOwnerIsGone(@TempDir Path spill) throws Exception {
    Path locked = spillDirectoryOf(spill, deadPid());
    try (FileChannel channel = FileChannel.open(locked.resolve(SpillDirectories.LOCK_FILE),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertThat(SpillDirectories.sweep(spill)).isZero();
      assertThat(locked).isDirectory();
    }

    assertThat(SpillDirectories.sweep(spill)).as("once unlocked, it is abandoned").isEqualTo(1);
    assertThat(locked).doesNotExist();
  }

  @Test
  void anUnlockedDirectoryUnchangedForADayIsRemovedThoughItsNamedOwnerLives(@TempDir Path spill) throws Exception {
    // A live process that is not this one (whose own directories a sweep never touches): its parent.
    Path stale = spillDirectoryOf(spill, ProcessHandle.current().parent().orElseThrow().pid());
    Path oldStyle = Files.createDirectory(spill.resolve("deltalake4j-spill-4711081512"));
    FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    Files.setLastModifiedTime(stale, twoDaysAgo);
    Files.setLastModifiedTime(oldStyle, twoDaysAgo);

    assertThat(SpillDirectories.sweep(spill)).isEqualTo(2);
    assertThat(stale).doesNotExist();
    assertThat(oldStyle).doesNotExist();
  }

  @Test
  void aMissingSpillParentIsCreatedAndSweepingItIsHarmless(@TempDir Path dir) throws Exception {
    Path spill = dir.resolve("not/yet");

    assertThat(SpillDirectories.sweep(spill)).isZero();
    spillingWrite(dir.resolve("table"), spill, 3_000);

    assertThat(spill).isEmptyDirectory();
  }

  /** A writer JVM killed while it spills leaves its directory; the next spilling write removes it. */
  @Test
  void theSpillDirectoryOfAKilledWriterIsRemovedByTheNextSpillingWrite(@TempDir Path dir) throws Exception {
    Path spill = Files.createDirectories(dir.resolve("spill"));
    Path log = dir.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), TestSpillDirectories.class.getName(),
        dir.resolve("killed").toString(), spill.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path childs;
    try {
      childs = awaitSpillDirectoryOf(child, spill, Duration.ofSeconds(120), log);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(childs.resolve(SpillDirectories.LOCK_FILE)).as("a killed writer leaves its spill directory").exists();

    spillingWrite(dir.resolve("table"), spill, 3_000);

    assertThat(childs).doesNotExist();
    assertThat(spill).isEmptyDirectory();
  }

  /** The child of {@link #theSpillDirectoryOfAKilledWriterIsRemovedByTheNextSpillingWrite}: spills until killed. */
  public static void main(String[] args) throws Exception {
    spillingWrite(Path.of(args[0]), Path.of(args[1]), Integer.MAX_VALUE);
  }

  /** A partitioned create of {@code rows} rows that spills to {@code spill} (a 64 KiB write buffer). */
  private static void spillingWrite(Path table, Path spill, int rows) {
    try (DeltaLake lake = DeltaLake.builder().set("deltalake4j.write.bufferBytes", "64k")
        .set(SpillDirectories.SPILL_DIR, spill.toString()).build()) {
      lake.create(table.toUri().toString()).schema(SCHEMA).partitionBy("part").rows(() -> generated(rows)).commit();
    }
  }

  private static Path awaitSpillDirectoryOf(Process child, Path spill, Duration timeout, Path log) throws Exception {
    String prefix = SpillDirectories.PREFIX + child.pid() + "-";
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Path p : children(spill)) {
        if (p.getFileName().toString().startsWith(prefix) && Files.exists(p.resolve("0"))) {
          return p;
        }
      }
      if (!child.isAlive()) {
        throw new AssertionError("The spilling writer ended before it spilled: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The spilling writer did not spill in " + timeout + ": " + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** A directory named as a spill directory of process {@code pid}, holding a spilled file but no lock file. */
  private static Path spillDirectoryOf(Path parent, long pid) throws IOException {
    Path dir = Files.createDirectory(parent.resolve(SpillDirectories.PREFIX + pid + "-" + System.nanoTime()));
    Files.createDirectory(dir.resolve("0"));
    Files.writeString(dir.resolve("0/part-0.parquet"), "rows");
    return dir;
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.pid();
  }

  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.toList();
    }
  }

  private static Iterator<Row> generated(int n) {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long id = next++;
        return Row.of(SCHEMA, id, (int) (id % 10), "payload-" + id + "-" + "x".repeat(60));
      }
    };
  }
}
