package io.deltalake4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The progress line: rewritten with \r at most once a second, ended by finish(), never when disabled. */
class TestProgress {

  final StringWriter text = new StringWriter();
  final PrintWriter err = new PrintWriter(text);
  final AtomicLong clock = new AtomicLong();

  /** Hands out {@code n} rows, the clock advancing {@code nanosPerRow} before each. */
  private long drain(Progress progress, int n, long nanosPerRow) {
    Iterator<Long> it = progress.counting(LongStream.range(0, n).boxed().iterator());
    long last = -1;
    while (it.hasNext()) {
      clock.addAndGet(nanosPerRow);
      last = it.next();
    }
    return last;
  }

  @Test
  void printsTheCountAboutOnceASecondFromTheFirstRowAndEndsTheLine() {
    Progress progress = new Progress(err, true, clock::get);
    clock.set(5_000_000_000L); // setup before the first row does not count

    long last = drain(progress, 2_500_000, 1_000); // 1 ms per 1,000 rows: 2.5 s in all
    progress.finish();

    assertThat(last).isEqualTo(2_499_999);
    assertThat(progress.rows()).isEqualTo(2_500_000);
    assertThat(text.toString()).isEqualTo("\r1,000,001 rows read…\r2,000,001 rows read…\r2,500,000 rows read.\n");
  }

  @Test
  void aQuickWriteAndADisabledOnePrintNothing() {
    Progress quick = new Progress(err, true, clock::get);
    Progress disabled = new Progress(err, false, clock::get);

    drain(quick, 1_000, 1_000);
    quick.finish();
    drain(disabled, 5_000, 1_000_000);
    disabled.finish();

    assertThat(disabled.rows()).isEqualTo(5_000);
    assertThat(text.toString()).isEmpty();
  }
}
