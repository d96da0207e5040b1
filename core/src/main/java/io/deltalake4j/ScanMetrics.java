package io.deltalake4j;

/**
 * What a scan did.
 *
 * @param version the table version scanned
 * @param filesInSnapshot live data files in that version
 * @param filesPrunedByPartition files left out because their partition values cannot match
 * @param filesSkippedByStats files left out because their min/max/null statistics cannot match
 * @param filesRead files opened (fewer than planned when a limit stopped the scan early)
 * @param bytesRead size of the files opened
 * @param rowsRead rows decoded from those files, after deletion vectors, before the row filter
 * @param rowsReturned rows handed to the caller
 */
public record ScanMetrics(
    long version,
    long filesInSnapshot,
    long filesPrunedByPartition,
    long filesSkippedByStats,
    long filesRead,
    long bytesRead,
    long rowsRead,
    long rowsReturned) {

  /** The files the scan planned to read: those neither pruned nor skipped. */
  public long filesPlanned() {
    return filesInSnapshot - filesPrunedByPartition - filesSkippedByStats;
  }
}
