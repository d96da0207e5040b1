package io.deltalake4j;

/** Whether writes keep their tables fast to open by themselves. */
public enum Maintenance {
  /**
   * After each commit: a checkpoint every {@code delta.checkpointInterval} commits (default 10),
   * which also deletes log files older than {@code delta.logRetentionDuration} (default 30 days)
   * that it makes unnecessary, and the version's checksum file. The default.
   */
  AUTOMATIC,
  /** Nothing after commits; call {@link DeltaTable#checkpoint()} when it suits you. */
  MANUAL
}
