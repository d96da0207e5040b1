package io.deltalake4j.examples.streaming;

import io.deltalake4j.Row;
import java.util.List;

/**
 * Where the ingest reads events from: an ordered stream addressed by offsets, as a Kafka partition
 * is. {@link GeneratedEvents} stands in for Kafka here (no broker runs in this build); any source
 * that can re-read from an offset works the same way.
 */
public interface EventSource {

  /** Up to {@code max} events from {@code offset} on, in order; empty at the end of the stream. */
  List<Row> poll(long offset, int max);
}
