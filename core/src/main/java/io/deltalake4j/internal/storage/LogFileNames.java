package io.deltalake4j.internal.storage;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of the files in a table's {@code _delta_log}, as the Delta protocol fixes them. */
public final class LogFileNames {
  private LogFileNames() {}

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint(\\.\\d+\\.\\d+|\\.[^.]+)?\\.(parquet|json)");
  private static final Pattern CHECKSUM = Pattern.compile("(\\d{20})\\.crc");

  /** The last segment of a path or URI. */
  public static String name(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The version of a commit file ({@code 00000000000000000007.json}), if the path names one. */
  public static OptionalLong commitVersion(String path) {
    return version(COMMIT, path);
  }

  /** The version of a checkpoint file (classic, multi-part or v2), if the path names one. */
  public static OptionalLong checkpointVersion(String path) {
    return version(CHECKPOINT, path);
  }

  /** The version of a checksum file ({@code 00000000000000000007.crc}), if the path names one. */
  public static OptionalLong checksumVersion(String path) {
    return version(CHECKSUM, path);
  }

  /** True if the name is a commit or a checkpoint: a log holding one of these is a table. */
  public static boolean isCommitOrCheckpoint(String path) {
    return commitVersion(path).isPresent() || checkpointVersion(path).isPresent();
  }

  private static OptionalLong version(Pattern pattern, String path) {
    Matcher m = pattern.matcher(name(path));
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
