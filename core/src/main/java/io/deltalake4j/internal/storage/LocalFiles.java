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
   * name survives a crash. The caller deletes {@code temp}. Only on a file system without hard
   * links (exFAT, some network mounts) does it fall back to a check and a rename, which is safe for
   * one writer at a time only, and says so once. Any other failure (disk full, an I/O error, a
   * stale handle) is thrown: a check-then-rename there could replace another writer's file.
   */
  public static void publishIfAbsent(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      if (isSameFile(target, temp)) {
        // Our own link: an earlier attempt of this call created it and then reported a failure.
        syncDirectory(target.getParent());
        return;
      }
      throw new FileAlreadyExistsException(target.toString());
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (!hasNoHardLinks(e)) {
        if (isSameFile(target, temp)) {
          syncDirectory(target.getParent()); // the link was made after all
          return;
        }
        if (certainlyAbsent(target)) {
          throw new FileNotPublishedException(target.toString(), e);
        }
        throw e instanceof IOException io ? io : new IOException(e);
      }
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

  /**
   * True if a failed link says the file system has no hard links at all: Java reports that as
   * {@link UnsupportedOperationException}, or as an "Operation not permitted" / "not supported"
   * error (EPERM, ENOTSUP, EOPNOTSUPP) from file systems such as exFAT, FAT and some network mounts.
   */
  private static boolean hasNoHardLinks(Exception e) {
    if (e instanceof UnsupportedOperationException) {
      return true;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return false;
    }
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "";
    return reason.contains("Operation not permitted") || reason.contains("not supported");
  }

  /** True only if the file system says there is no such file; false if it exists or cannot tell. */
  static boolean certainlyAbsent(Path file) {
    try {
      Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return false;
    } catch (java.nio.file.NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Flushes a directory's entries to disk, so names just created survive a crash. Platforms that
   * cannot open a directory (Windows, whose file system journals renames itself) are skipped; a
   * sync that the platform attempts and fails is thrown, since the names may not be durable.
   */
  public static void syncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      if (Files.isDirectory(dir)) {
        return; // the platform cannot open directories
      }
      throw e instanceof IOException io ? io : new IOException(e);
    }
    try (channel) {
      channel.force(true);
    } catch (UnsupportedOperationException e) {
      // no directory sync on this platform
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("Invalid argument")) {
        throw new IOException("Cannot sync directory " + dir + ": " + e.getMessage(), e);
      }
      // EINVAL: this file system does not sync directories (some network mounts)
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
    return target.resolveSibling(tempName(target.getFileName().toString()));
  }

  /**
   * The name a file called {@code name} is written under before it is published, on any storage:
   * {@code .NAME.UUID.tmp}, which the log's sweep of abandoned temporary files recognises.
   */
  public static String tempName(String name) {
    return "." + name + "." + java.util.UUID.randomUUID() + ".tmp";
  }
}
