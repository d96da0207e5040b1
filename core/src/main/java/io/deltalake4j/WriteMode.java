package io.deltalake4j;

/** What a write does when the table already exists (when it does not, every mode creates it). */
public enum WriteMode {
  /** Fail with {@link io.deltalake4j.exceptions.TableAlreadyExistsException}. The default. */
  ERROR,
  /** Add the rows to the table. */
  APPEND,
  /**
   * Replace the table's data with the rows, keeping its schema and partitioning (unless told to
   * overwrite the schema), or only the data a predicate covers ({@code where}).
   */
  OVERWRITE,
  /** Write nothing and report {@link CommitResult.Outcome#SKIPPED_TABLE_EXISTS}. */
  IGNORE
}
