package io.deltalake4j.examples.streaming;

import io.deltalake4j.CommitResult;
import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import java.time.Duration;
import java.util.List;

/**
 * The Flink job's loop: poll a micro-batch from the source, append it to the table with the
 * transaction id (job, the batch's end offset), and commit the source offset every few batches, as
 * a Kafka consumer commits its offsets. Killed at any point, it loses and duplicates nothing:
 *
 * <ul>
 *   <li>the table holds exactly the events before its last transaction version (each commit holds a
 *       whole batch, and batches are appended in order);
 *   <li>a restart re-reads from the last committed source offset, which may lag behind the table but
 *       never runs ahead of it (it is saved after the commit);
 *   <li>a re-read batch that ends at or before the table's position is skipped by the table (its
 *       transaction version is not above the recorded one); one that straddles it is trimmed to the
 *       events after it. So neither a grown source nor a new batch size can lose or repeat events.
 * </ul>
 */
public final class IngestJob {
  private final DeltaLake lake;
  private final String table;
  private final String job;
  private final EventSource source;
  private final OffsetStore offsets;
  private final int batchSize;
  private final int offsetsEvery;
  private final Duration pause;

  /**
   * What one run of the loop did.
   *
   * @param resumedAt the source offset it started reading from
   * @param tableAt the table's position then (its last transaction version for the job)
   * @param skipped re-read batches the table already held
   * @param committed batches appended
   * @param endOffset where the source ended
   */
  public record Result(long resumedAt, long tableAt, long skipped, long committed, long endOffset) {}

  /**
   * @param offsetsEvery commit the source offset after this many batches (and at the end)
   * @param pause wait between batches (a stream's pace)
   */
  public IngestJob(DeltaLake lake, String table, String job, EventSource source, OffsetStore offsets, int batchSize,
      int offsetsEvery, Duration pause) {
    if (batchSize < 1 || offsetsEvery < 1) {
      throw new IllegalArgumentException("Invalid batch size " + batchSize + " or offset interval " + offsetsEvery
          + ": both must be at least 1");
    }
    this.lake = lake;
    this.table = table;
    this.job = job;
    this.source = source;
    this.offsets = offsets;
    this.batchSize = batchSize;
    this.offsetsEvery = offsetsEvery;
    this.pause = pause;
  }

  /** Runs from the last committed source offset to the end of the source. */
  public Result run() throws InterruptedException {
    long start = offsets.read(job).orElse(0);
    long tableAt = lake.table(table).lastTransactionVersion(job).orElse(0); // this job is its only writer
    long offset = start;
    long committed = 0;
    long skipped = 0;
    int sinceOffsets = 0;
    for (List<Row> batch = source.poll(offset, batchSize); !batch.isEmpty(); batch = source.poll(offset, batchSize)) {
      long end = offset + batch.size();
      List<Row> rows = offset < tableAt && tableAt < end ? batch.subList((int) (tableAt - offset), batch.size()) : batch;
      CommitResult r = lake.table(table).append().transaction(job, end).rows(rows).commit();
      if (r.outcome() == CommitResult.Outcome.SKIPPED_ALREADY_COMMITTED) {
        skipped++;
      } else {
        committed++;
      }
      offset = end;
      if (++sinceOffsets == offsetsEvery) {
        offsets.write(job, offset);
        sinceOffsets = 0;
      }
      Thread.sleep(pause.toMillis());
    }
    offsets.write(job, offset);
    return new Result(start, tableAt, skipped, committed, offset);
  }
}
