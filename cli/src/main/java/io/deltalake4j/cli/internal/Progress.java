package io.deltalake4j.cli.internal;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Counts the rows an iterator hands out and, when enabled (stderr is a terminal), rewrites one
 * progress line on stderr about once a second: {@code \r1,250,000 rows read…}. {@link #finish()}
 * ends the line. Disabled, it only counts. Not thread-safe.
 */
public final class Progress {

  /** How often the line is rewritten, at most. */
  public static final long INTERVAL_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private long rows;
  private long lastPrint;
  private boolean printed;

  /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
  public Progress(PrintWriter err, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
  }

  /** The iterator, counting each element handed out. */
  public <T> Iterator<T> counting(Iterator<T> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        T t = it.next();
        tick();
        return t;
      }
    };
  }

  private void tick() {
    rows++;
    if (!enabled) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (rows == 1) {
      lastPrint = now; // the first second counts from the first row, not from the setup before it
    } else if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      printed = true;
      err.print("\r" + Numbers.count(rows, "row", "rows") + " read…");
      err.flush();
    }
  }

  /** Ends the progress line, if one was printed, with the final count. */
  public void finish() {
    if (printed) {
      err.print("\r" + Numbers.count(rows, "row", "rows") + " read.\n");
      err.flush();
      printed = false;
    }
  }

  public long rows() {
    return rows;
  }
}
