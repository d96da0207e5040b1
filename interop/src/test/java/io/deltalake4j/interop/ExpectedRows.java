package io.deltalake4j.interop;

import static io.deltalake4j.interop.CanonicalRows.array;
import static io.deltalake4j.interop.CanonicalRows.row;

import java.util.ArrayList;
import java.util.List;

/**
 * What each {@link SparkTables} fixture must contain, computed in plain Java (never read back from
 * Spark), as canonical rows sorted by their first column.
 */
public final class ExpectedRows {
  /** Rows written to the deletion-vector table before its deletes. */
  static final int DELETION_VECTORS_INITIAL_ROWS = 300;

  /** Data files written to the deletion-vector table before its deletes. */
  static final int DELETION_VECTORS_FILES = 3;

  /** Commits (after the empty create) of the v2-checkpoint table, and its checkpoint interval. */
  static final int V2_CHECKPOINT_COMMITS = 7;

  static final int V2_CHECKPOINT_INTERVAL = 5;
  static final int V2_CHECKPOINT_ROWS_PER_COMMIT = 3;

  private ExpectedRows() {}

  /** {@code sales(base, count)}: see core's {@link io.deltalake4j.sample.SalesData}. */
  public static List<List<Object>> sales(int count) {
    return LibraryRows.sorted(io.deltalake4j.sample.SalesData.rows(count));
  }

  /**
   * {@code deletionVectors}: {@code (id bigint, category string, amount double)} for ids 0..299, after
   * deleting {@code id % 10 = 3} and then {@code id % 7 = 0}.
   */
  public static List<List<Object>> deletionVectors() {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = 0; id < DELETION_VECTORS_INITIAL_ROWS; id++) {
      if (id % 10 != 3 && id % 7 != 0) {
        rows.add(row(id, "c" + id % 3, id * 1.5d));
      }
    }

    return rows;
  }

  /** Column names of {@code columnMappingName} after its renames, add and drop. */
  public static List<String> columnMappingNameColumns() {
    return List.of("id", "given_name", "score", "department", "home city", "tags");
  }

  /** {@code columnMappingName}: rows written before and after the schema changes. */
  public static List<List<Object>> columnMappingName() {
    return List.of(
        row(1, "alice", 1.5d, "eng", null, null),
        row(2, "bob", 2.5d, "eng", null, null),
        row(3, "carol", null, "ops", null, null),
        row(4, "dave", 4.5d, "eng", "Zürich", array("a", "b")),
        row(5, "eve", null, "sales", null, array()));
  }

  /** {@code manySmallCommits(base, commits)}: {@code (id bigint, label string)}, one row per commit. */
  public static List<List<Object>> manySmallCommits(int commits) {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = 1; id <= commits; id++) {
      rows.add(row(id, "row-" + id));
    }

    return rows;
  }

  /** {@code v2Checkpoint}: {@code (id bigint, label string)}, 3 rows per commit. */
  public static List<List<Object>> v2Checkpoint() {
    return manySmallCommits(V2_CHECKPOINT_COMMITS * V2_CHECKPOINT_ROWS_PER_COMMIT);
  }

  /** {@code allTypes}: see {@link AllTypesData#ROWS}. */
  public static List<List<Object>> allTypes() {
    return AllTypesData.ROWS;
  }

  /**
   * {@code updatedAndMerged} (with or without deletion vectors): {@code (id int, name string, value
   * bigint, flag boolean)}. Ids 0..99 inserted as {@code ("name-" + id, id * 10, false)}; then
   * {@code UPDATE ... SET value = value + 1000, flag = true WHERE id % 10 = 0}; then a MERGE of source
   * ids 90..109 {@code ("merged-" + id, id * 100)} that deletes matched odd ids, updates matched even
   * ids' name and value, and inserts the unmatched ones with flag false.
   */
  public static List<List<Object>> updatedAndMerged() {
    List<List<Object>> rows = new ArrayList<>();
    for (int id = 0; id < 110; id++) {
      boolean inTarget = id < 100;
      boolean inSource = id >= 90;
      if (inTarget && inSource && id % 2 == 1) {
        continue;
      }

      String name = inSource ? "merged-" + id : "name-" + id;
      long value;
      if (inSource) {
        value = id * 100L;
      } else {
        value = id % 10 == 0 ? id * 10L + 1000 : id * 10L;
      }

      boolean flag = inTarget && id % 10 == 0;
      rows.add(row(id, name, value, flag));
    }

    return rows;
  }
}
