package io.deltalake4j.internal.kernel.write;

import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.DeletionVectorDescriptor;
import io.delta.kernel.internal.actions.SetTransaction;
import io.delta.kernel.internal.actions.SingleAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The log actions Kernel 4.4 has no public API for: removing a data file and recording an
 * application's transaction in a create. Built with Kernel's internal action classes, the route
 * Kernel itself takes for REPLACE TABLE. {@code TestOverwriteWhere} (removes) and
 * {@code TestIdempotentWrites} (a create's txn) fail if an upgrade changes them.
 */
final class FileActions {
  private FileActions() {}

  /** The {@code remove} action for a live file, given its scan-file row (with stats, if read with them). */
  static Row remove(Row scanFile, long deletionTimestamp) {
    return SingleAction.createRemoveFileSingleAction(
        addFile(scanFile).toRemoveFileRow(true /* dataChange */, Optional.of(deletionTimestamp)));
  }

  /** The {@code txn} action recording that {@code appId} wrote {@code version}. */
  static Row transaction(String appId, long version, long lastUpdated) {
    return SingleAction.createTxnSingleAction(new SetTransaction(appId, version, Optional.of(lastUpdated)).toRow());
  }

  /** The file's path as the log records it (relative to the table root, URI-encoded). */
  static String path(Row scanFile) {
    return addFile(scanFile).getPath();
  }

  /** The unique id of the file's deletion vector, or null without one. */
  static String deletionVectorId(Row scanFile) {
    DeletionVectorDescriptor dv = InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile);
    return dv == null ? null : dv.getUniqueId();
  }

  static long size(Row scanFile) {
    return addFile(scanFile).getSize();
  }

  /** The file's partition values as the log records them (strings; null for a null value). */
  static Map<String, String> partitionValues(Row scanFile) {
    MapValue values = addFile(scanFile).getPartitionValues();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < values.getSize(); i++) {
      out.put(values.getKeys().getString(i), values.getValues().isNullAt(i) ? null : values.getValues().getString(i));
    }
    return out;
  }

  private static AddFile addFile(Row scanFile) {
    return new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
  }
}
