package io.deltalake4j.examples.streaming;

import io.deltalake4j.Row;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import io.deltalake4j.types.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A finite, replayable stream of click-stream events: the event at an offset is always the same
 * (drawn from {@code Random(offset)}), so a consumer that re-reads from an older offset gets the
 * same events again, as it would from Kafka.
 */
public final class GeneratedEvents implements EventSource {
  public static final List<String> TYPES = List.of("view", "click", "add_to_cart", "purchase");
  public static final StructType SCHEMA = StructType.builder()
      .add("event_id", PrimitiveType.LONG)
      .add("user_id", PrimitiveType.LONG)
      .add("event_type", PrimitiveType.STRING)
      .add("amount", Types.decimal(10, 2))
      .add("event_time", PrimitiveType.TIMESTAMP)
      .add("event_date", PrimitiveType.DATE)
      .build();

  /** The first event's time; each later one is 7 seconds after the one before. */
  static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  private final long size;

  public GeneratedEvents(long size) {
    this.size = size;
  }

  public long size() {
    return size;
  }

  /** The event at {@code offset}; its id is the offset plus one. */
  public static Row event(long offset) {
    Random random = new Random(offset);
    String type = TYPES.get(random.nextInt(TYPES.size()));
    BigDecimal amount = type.equals("purchase") ? BigDecimal.valueOf(500 + random.nextInt(50_000), 2) : null;
    Instant time = START.plusSeconds(offset * 7);
    return Row.of(SCHEMA, offset + 1, 1 + random.nextInt(2_000) * 1L, type, amount, time,
        time.atZone(ZoneOffset.UTC).toLocalDate());
  }

  @Override
  public List<Row> poll(long offset, int max) {
    List<Row> events = new ArrayList<>();
    for (long o = offset; o < Math.min(size, offset + max); o++) {
      events.add(event(o));
    }
    return events;
  }
}
