package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.hook.PostCommitHook;
import io.deltalake4j.internal.kernel.KernelErrors;
import io.deltalake4j.internal.kernel.KernelEngine;
import java.io.IOException;
import io.deltalake4j.internal.storage.LogFileNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work after a commit that keeps a table fast to open: a checkpoint every {@code
 * delta.checkpointInterval} commits, which also deletes log files older than {@code
 * delta.logRetentionDuration} that the checkpoint makes unnecessary, and the version's checksum
 * ({@code .crc}). Kernel names the work due (post-commit hooks) but never runs it. A checkpoint
 * also sweeps temporary files that killed writers left in the log.
 */
public final class PostCommitWork {
  private PostCommitWork() {}

  private static final Logger LOG = LoggerFactory.getLogger(PostCommitWork.class);

  /** Runs the hooks Kernel returned for a commit. A failure is logged: the commit stands. */
  static void afterCommit(TransactionCommitResult result, String location, KernelEngine kernel) {
    Engine engine = kernel.engine();
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        if (hook.getType() == PostCommitHook.PostCommitHookType.CHECKPOINT) {
          // Kernel's hook checkpoints "as of" the version, which skips log cleanup; a snapshot
          // loaded as latest cleans up too.
          checkpoint(location, kernel);
        } else {
          hook.threadSafeInvoke(engine);
        }
      } catch (IOException | RuntimeException e) {
        // A missing checkpoint or checksum only slows later readers down.
        LOG.warn("Post-commit {} for version {} of {} failed: {}", hook.getType(), result.getVersion(), location, e.toString());
      }
    }
  }

  /**
   * Writes a checkpoint of the latest version and deletes the expired log files it covers.
   *
   * @return the version checkpointed
   */
  public static long checkpoint(String location, KernelEngine kernel) {
    Engine engine = kernel.engine();
    Snapshot latest;
    try {
      latest = TableManager.loadSnapshot(location).build(engine);
    } catch (RuntimeException e) {
      throw KernelErrors.translate("read table " + location, e);
    }
    try {
      latest.writeCheckpoint(engine);
    } catch (CheckpointAlreadyExistsException e) {
      // Another writer checkpointed this version first; that checkpoint serves as well.
    } catch (IOException | RuntimeException e) {
      throw KernelErrors.translate("checkpoint version " + latest.getVersion() + " of table " + location, e);
    }
    sweepTemporaryFiles(location, kernel.conf());
    sweepOrphanChecksums(location, kernel.conf());
    return latest.getVersion();
  }

  /** How old a temporary file in the log must be before it counts as abandoned. */
  static final Duration ABANDONED_AFTER = Duration.ofDays(1);

  /**
   * Deletes temporary files in the log ({@code .NAME.UUID.tmp}, and their checksums) older than
   * {@link #ABANDONED_AFTER}: writers killed between writing a commit or checkpoint and publishing
   * it leave them. A failure is logged; the files only take space.
   */
  static void sweepTemporaryFiles(String location, Configuration conf) {
    long cutoff = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
    try {
      Path log = new Path(location, "_delta_log");
      FileSystem fs = log.getFileSystem(conf);
      if ("file".equals(fs.getScheme())) {
        sweepLocal(java.nio.file.Paths.get(fs.makeQualified(log).toUri()), cutoff);
        return;
      }
      for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(log, p -> isTemporary(p.getName()))) {
        if (f.getModificationTime() < cutoff) {
          fs.delete(f.getPath(), false);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot sweep abandoned temporary files from the log of {}: {}", location, e.toString());
    }
  }

  /** On local disk, by name first: Hadoop's listing would read the attributes of every log file. */
  private static void sweepLocal(java.nio.file.Path log, long cutoff) throws IOException {
    try (java.nio.file.DirectoryStream<java.nio.file.Path> temporary =
        java.nio.file.Files.newDirectoryStream(log, p -> isTemporary(p.getFileName().toString()))) {
      for (java.nio.file.Path p : temporary) {
        try {
          if (java.nio.file.Files.getLastModifiedTime(p).toMillis() < cutoff) {
            java.nio.file.Files.deleteIfExists(p);
          }
        } catch (java.nio.file.NoSuchFileException published) {
          // a live writer published and removed it since the listing
        }
      }
    }
  }

  /**
   * Deletes the checksums ({@code N.crc}) of versions whose commits log cleanup deleted: the
   * protocol's cleanup removes a version's files together, and Kernel's leaves the checksums
   * behind, one per commit forever. A failure is logged; the files only take space.
   */
  static void sweepOrphanChecksums(String location, Configuration conf) {
    try {
      Path log = new Path(location, "_delta_log");
      FileSystem fs = log.getFileSystem(conf);
      List<String> names = new ArrayList<>();
      if ("file".equals(fs.getScheme())) {
        try (java.nio.file.DirectoryStream<java.nio.file.Path> all =
            java.nio.file.Files.newDirectoryStream(java.nio.file.Paths.get(fs.makeQualified(log).toUri()))) {
          all.forEach(p -> names.add(p.getFileName().toString()));
        }
      } else {
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(log)) {
          names.add(f.getPath().getName());
        }
      }
      long oldestCommit = names.stream().map(LogFileNames::commitVersion).filter(OptionalLong::isPresent)
          .mapToLong(OptionalLong::getAsLong).min().orElse(-1);
      for (String name : names) {
        OptionalLong checksum = LogFileNames.checksumVersion(name);
        if (oldestCommit >= 0 && checksum.isPresent() && checksum.getAsLong() < oldestCommit) {
          fs.delete(new Path(log, name), false);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot delete the checksums of cleaned-up versions from the log of {}: {}", location, e.toString());
    }
  }

  private static boolean isTemporary(String name) {
    return name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(".tmp.crc"));
  }

}
