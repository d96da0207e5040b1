package io.deltalake4j.internal.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishing files on local disk atomically and durably, without Hadoop's checksum layer. */
public final class LocalFiles {
  private LocalFiles() {}

  private static final Logger LOG = LoggerFactory.getLogger(LocalFiles.class);
  private static volatile boolean warnedNoLinks;

  /**
   * Makes {@code target} appear with {@code temp}'s content (already synced), atomically, or
   * throws {@link FileAlreadyExistsException} if it exists; then syncs the directory so the new
   * name survives a crash. The caller deletes {@code temp}. On a file system without hard links
   * (exFAT, some network mounts) it falls back to a check and a rename, which is safe for one
   * writer at a time only, and says so once.
   */
  public static void publishIfAbsent(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(target.toString());
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      if (!warnedNoLinks) {
        warnedNoLinks = true;
        LOG.warn("The file system of {} has no hard links ({}): files are published by check-then-rename, which is "
            + "not safe for concurrent writers on this table.", target.getParent(), e.toString());
      }
      Files.move(temp, target);
    }
    syncDirectory(target.getParent());
  }

  /** Flushes a directory's entries to disk, where the platform allows it (Linux and macOS do). */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; its file system journals renames itself.
    }
  }

  /**
   * Creates {@code dir} and any missing parents, syncing the parent of each directory it creates so
   * the new names survive a crash.
   */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
      // Another writer created it just now and may not have synced its parent yet.
    }
    if (parent != null) {
      syncDirectory(parent);
    }
  }

  /** The temporary name a file is written under before {@link #publishIfAbsent}. */
  public static Path tempFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
  }
}
