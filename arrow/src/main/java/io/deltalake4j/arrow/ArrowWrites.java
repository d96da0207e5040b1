package io.deltalake4j.arrow;

import io.deltalake4j.WriteBuilder;
import io.deltalake4j.arrow.internal.kernel.ArrowBatches;
import io.deltalake4j.internal.WriteAccess;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Arrow data written through any write builder ({@code append()}, {@code overwrite()}, {@code
 * create(...)}), column by column: partitioned or not, with statistics, checked like rows.
 *
 * <pre>{@code
 * try (ArrowReader reader = ...) {
 *   CommitResult r = ArrowWrites.add(table.append(), reader).commit();
 * }
 * }</pre>
 *
 * <p>The Arrow columns must be those {@link ArrowSchemas} maps the written schema to (the table's,
 * or the one given to {@code schema(...)} or {@code mergeSchema(...)}), by name and type, in order.
 * Beyond that mapping it takes list elements and map entries of any name, fields of any
 * nullability (nulls are checked value by value), and timestamps of any unit (nanoseconds round
 * down to Delta's microseconds) and, for Delta's {@code timestamp}, any time zone, since Arrow
 * stores zoned timestamps as UTC instants. Dictionary-encoded columns are refused: decode them
 * first. A mismatch fails the commit with {@link IllegalArgumentException} and nothing is written.
 *
 * <p>Batches of an unpartitioned table go to the Parquet writer as they are, without a copy;
 * batches of a partitioned table are grouped by partition as rows. Java 17 needs {@code
 * --add-opens=java.base/java.nio=ALL-UNNAMED} for Arrow.
 */
public final class ArrowWrites {
  private ArrowWrites() {}

  /**
   * Adds the reader's batches to the write, after anything it was given before. They are read
   * when the write commits, one batch at a time; the caller closes the reader after {@code
   * commit()}.
   *
   * @return the same builder
   */
  public static <B extends WriteBuilder<B>> B add(B write, ArrowReader reader) {
    Objects.requireNonNull(reader, "reader");
    WriteAccess.addBatches(Objects.requireNonNull(write, "write"), ArrowBatches.of(reader));
    return write;
  }

  /**
   * Adds one batch to the write. It is read when the write commits; the caller keeps it
   * unchanged until then and closes it after {@code commit()}.
   *
   * @return the same builder
   */
  public static <B extends WriteBuilder<B>> B add(B write, VectorSchemaRoot batch) {
    Objects.requireNonNull(batch, "batch");
    WriteAccess.addBatches(Objects.requireNonNull(write, "write"), ArrowBatches.of(batch));
    return write;
  }
}
