package io.deltalake4j.examples.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The consumer's committed source offsets, one file per job in a local directory, each replaced
 * atomically: what a Kafka consumer group keeps on the broker. It may lag behind the table (it is
 * committed every few batches), never run ahead of it.
 */
public final class OffsetStore {
  private final Path dir;

  public OffsetStore(Path dir) {
    this.dir = dir;
  }

  public OptionalLong read(String job) {
    Path file = file(job);
    try {
      return Files.exists(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).strip()))
          : OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the offsets of job " + job + " at " + file + ": " + e, e);
    }
  }

  public void write(String job, long offset) {
    Path file = file(job);
    try {
      Files.createDirectories(dir);
      Path next = dir.resolve(job + ".offset.next"); // one job writes it: a crash leaves at most this file
      Files.writeString(next, Long.toString(offset), StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the offsets of job " + job + " at " + file + ": " + e, e);
    }
  }

  public void forget(String job) {
    try {
      Files.deleteIfExists(file(job));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the offsets of job " + job + ": " + e, e);
    }
  }

  private Path file(String job) {
    if (!job.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("Invalid job id '" + job + "': use letters, digits, '.', '_' and '-'");
    }
    return dir.resolve(job + ".offset");
  }
}
