package io.deltalake4j.internal.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.internal.checksum.CRCInfo;
import io.deltalake4j.exceptions.CorruptFileException;
import java.util.Optional;

/**
 * What a version's checksum file ({@code _delta_log/N.crc}, PROTOCOL.md "Version Checksum File")
 * says about its live data files: how many, and their total size. An operation that lists all of
 * a snapshot's files anyway (a scan without a filter, {@code detail()}, a count from statistics)
 * checks its totals against it, so a log that lost or gained an {@code add} does not read as if
 * it were whole.
 *
 * <p>Kernel reads the newest checksum file of the snapshot's log segment when it loads the
 * protocol and metadata, and keeps it; {@link Snapshot#getCurrentCrcInfo()} hands it out if it is
 * the snapshot's own version. Nothing is read again: without a checksum file the listing Kernel
 * already made shows none, and no file is opened. A checksum file Kernel cannot parse, or one
 * without {@code numFiles} and {@code tableSizeBytes}, is not used.
 *
 * <p>Kernel-internal use: {@code CRCInfo} (kernel-api 4.4), its version, numFiles and
 * tableSizeBytes; pinned by {@code TestVersionChecksum}.
 */
final class VersionChecksum {

  private final String location;
  private final long version;
  private final long files;
  private final long bytes;

  private VersionChecksum(String location, long version, long files, long bytes) {
    this.location = location;
    this.version = version;
    this.files = files;
    this.bytes = bytes;
  }

  /** The checksum of {@code snapshot}'s own version, if its log has one Kernel could read. */
  static Optional<VersionChecksum> of(TableSnapshot snapshot) {
    Optional<CRCInfo> crc = snapshot.kernel().getCurrentCrcInfo();
    if (crc.isEmpty() || crc.get().getVersion() != snapshot.version()) {
      return Optional.empty();
    }
    return Optional.of(
        new VersionChecksum(snapshot.location(), snapshot.version(), crc.get().getNumFiles(), crc.get().getTableSizeBytes()));
  }

  /** The checksum file's full path or URI. */
  String file() {
    return location + "/_delta_log/" + String.format("%020d.crc", version);
  }

  /**
   * @param listedFiles the live data files the log lists for this version
   * @param listedBytes their total size
   * @throws CorruptFileException if the checksum file records other totals
   */
  void verify(long listedFiles, long listedBytes) {
    if (listedFiles == files && listedBytes == bytes) {
      return;
    }
    throw new CorruptFileException(
        "Cannot read version " + version + " of table " + location + ": its log lists " + listedFiles + " data files of "
            + listedBytes + " bytes, but its checksum file " + file() + " records " + files + " files of " + bytes
            + " bytes. The log or the checksum is damaged; read an earlier version"
            + (version > 0 ? " (asOfVersion(" + (version - 1) + "), CLI --version " + (version - 1) + ")" : "")
            + ", or restore the damaged file from a backup (if the log is known to be right, moving the checksum file "
            + "out of _delta_log lets readers use it as it is).",
        file(), null);
  }
}
