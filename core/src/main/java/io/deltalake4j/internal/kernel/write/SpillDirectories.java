package io.deltalake4j.internal.kernel.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local directories partitioned writes spill rows to, recognisable so that those a crashed
 * writer left behind can be removed: each is named {@code deltalake4j-spill-<pid>-<random>} after
 * the process that owns it, and holds a lock file the owner keeps locked while it writes (a
 * process's file locks end with it, however it ends).
 *
 * <p>Creating a directory first sweeps the parent of abandoned ones: directories with the prefix
 * whose lock nobody holds and whose owner process is gone, or which were last changed more than a
 * day ago. A directory whose lock is held is never touched, nor is anything without the prefix.
 * Sweeping is best effort: what cannot be removed stays, and the write goes on.
 */
final class SpillDirectories {

  /** Setting: the local directory spill directories are created in; java.io.tmpdir by default. */
  static final String SPILL_DIR = "deltalake4j.write.spillDir";

  static final String PREFIX = "deltalake4j-spill-";
  static final String LOCK_FILE = "owner.lock";

  /** Past this age an unlocked directory is abandoned even if its pid names a live process (reused pid). */
  static final Duration MAX_AGE = Duration.ofDays(1);

  private static final Logger LOG = LoggerFactory.getLogger(SpillDirectories.class);

  private SpillDirectories() {}

  /** A spill directory of this process, locked until closed; closing deletes it and all it holds. */
  static final class Owned implements AutoCloseable {
    private final Path dir;
    private final FileChannel lockChannel;

    private Owned(Path dir, FileChannel lockChannel) {
      this.dir = dir;
      this.lockChannel = lockChannel;
    }

    Path path() {
      return dir;
    }

    @Override
    public void close() throws IOException {
      lockChannel.close(); // releases the lock; a directory is deleted unlocked, by its owner or a sweep
      deleteTree(dir);
    }
  }

  /** The parent directory configured by {@code spillDir}, or java.io.tmpdir when it is null or blank. */
  static Path parent(String spillDir) {
    return spillDir == null || spillDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(spillDir);
  }

  /** Sweeps {@code parent} of abandoned spill directories, then creates and locks one of this process. */
  static Owned create(Path parent) throws IOException {
    sweep(parent);
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      deleteTree(dir);
      throw e;
    }
    return new Owned(dir, channel);
  }

  /** Removes the abandoned spill directories in {@code parent}; returns how many it removed. */
  static int sweep(Path parent) {
    if (!Files.isDirectory(parent)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path dir : entries) {
        if (sweepOne(dir)) {
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot list spill directories in {}: {}", parent, e.toString());
    }
    return removed;
  }

  private static boolean sweepOne(Path dir) {
    try {
      OptionalLong owner = ownerPid(dir.getFileName().toString());
      if (owner.isPresent() && owner.getAsLong() == ProcessHandle.current().pid()) {
        // This process's own: opening and closing its lock file here would release the lock its
        // writer holds (POSIX locks belong to the process, and any close drops them).
        return false;
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      Path lockFile = dir.resolve(LOCK_FILE);
      if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        return abandoned(dir) && deleted(dir);
      }
      if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = tryLock(channel)) {
        if (lock == null || !abandoned(dir)) {
          return false; // its owner is writing
        }
      }
      return deleted(dir);
    } catch (NoSuchFileException e) {
      return false; // removed meanwhile, by its owner or another sweep
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot sweep spill directory {}: {}", dir, e.toString());
      return false;
    }
  }

  /** The lock, or null if another process, or this one, holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** Whether an unlocked directory's owner is gone: its pid names no live process, or it is older than a day. */
  private static boolean abandoned(Path dir) throws IOException {
    OptionalLong pid = ownerPid(dir.getFileName().toString());
    boolean ownerGone = pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    Instant changed = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
    return ownerGone || changed.isBefore(Instant.now().minus(MAX_AGE));
  }

  /** The pid in {@code deltalake4j-spill-<pid>-<random>}; empty for any other name. */
  static OptionalLong ownerPid(String name) {
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit) || dash > 18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
  }

  private static boolean deleted(Path dir) throws IOException {
    deleteTree(dir);
    LOG.info("Removed spill directory {} left behind by a writer that is gone", dir);
    return true;
  }

  /** Deletes {@code dir} and everything under it, following no links; a missing directory is fine. */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }
}
