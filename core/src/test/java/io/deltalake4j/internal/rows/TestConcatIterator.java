package io.deltalake4j.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestConcatIterator {

  /** An endless iterable that counts the elements it has produced. */
  private static Iterable<Long> counting(AtomicLong produced) {
    return () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Long next() {
        return produced.incrementAndGet();
      }
    };
  }

  @Test
  void pullsOneElementAtATimeEvenFromAnEndlessInput() {
    AtomicLong produced = new AtomicLong();
    ConcatIterator<Long> it = new ConcatIterator<>(List.of(List.of(), counting(produced)));

    assertThat(it.next()).isEqualTo(1L);
    assertThat(it.next()).isEqualTo(2L);
    assertThat(produced).hasValue(2);
  }

  @Test
  void concatenatesInOrderSkippingEmptyParts() {
    List<Integer> all = new ArrayList<>();
    new ConcatIterator<Integer>(List.of(List.of(1, 2), List.of(), List.of(3), List.of())).forEachRemaining(all::add);

    assertThat(all).containsExactly(1, 2, 3);
  }

  @Test
  void anExhaustedIteratorSaysSo() {
    ConcatIterator<Integer> it = new ConcatIterator<>(List.of(List.of()));

    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }
}
