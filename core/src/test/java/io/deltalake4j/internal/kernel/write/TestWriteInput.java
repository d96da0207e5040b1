package io.deltalake4j.internal.kernel.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.deltalake4j.Row;
import io.deltalake4j.internal.kernel.Schemas;
import io.deltalake4j.internal.kernel.VectorBatch;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructField;
import io.deltalake4j.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestWriteInput {

  private static final StructType SCHEMA = StructType.of(StructField.of("n", PrimitiveType.LONG));

  private static Row row(long n) {
    return Row.of(SCHEMA, n);
  }

  private static ColumnarBatch batch(long... ns) {
    List<Row> rows = new ArrayList<>();
    for (long n : ns) {
      rows.add(row(n));
    }
    return VectorBatch.ofRows(Schemas.toKernel(SCHEMA), rows);
  }

  /** Batches that count how often they were opened and closed. */
  private static WriteInput.Batches batches(AtomicInteger opened, AtomicInteger closed, ColumnarBatch... batches) {
    return schema -> {
      opened.incrementAndGet();
      CloseableIterator<ColumnarBatch> it = Utils.toCloseableIterator(List.of(batches).iterator());
      return new CloseableIterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public ColumnarBatch next() {
          return it.next();
        }

        @Override
        public void close() {
          closed.incrementAndGet();
        }
      };
    };
  }

  /** Everything the input yields: rows as their value, batches as their values in brackets. */
  private static List<String> drain(WriteInput input) {
    List<String> out = new ArrayList<>();
    while (input.hasNext()) {
      if (input.atBatch()) {
        ColumnarBatch b = input.nextBatch();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < b.getSize(); i++) {
          values.add(b.getColumnVector(0).getLong(i));
        }
        out.add(values.toString());
      } else {
        out.add(input.nextRow().get(0).toString());
      }
    }
    return out;
  }

  @Test
  void pullsOneRowAtATimeEvenFromAnEndlessInput() {
    AtomicLong produced = new AtomicLong();
    Iterable<Row> endless = () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Row next() {
        return row(produced.incrementAndGet());
      }
    };
    WriteInput input = new WriteInput(SCHEMA, List.of(List.of(), endless));

    assertThat(input.nextRow().get(0)).isEqualTo(1L);
    assertThat(input.nextRow().get(0)).isEqualTo(2L);
    assertThat(produced).hasValue(2);
  }

  @Test
  void yieldsRowsAndBatchesInTheOrderGivenSkippingEmptyOnes() {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    WriteInput input = new WriteInput(SCHEMA, List.of(
        List.of(row(1), row(2)),
        batches(opened, closed, batch(3, 4), batch(), batch(5)),
        List.of(),
        List.of(row(6)),
        batches(opened, closed)));

    assertThat(drain(input)).containsExactly("1", "2", "[3, 4]", "[5]", "6");
    assertThat(opened).hasValue(2);
    assertThat(closed).hasValue(2);
  }

  @Test
  void opensEachPartOnlyWhenReachedAndClosingClosesTheOpenOne() {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    WriteInput input = new WriteInput(SCHEMA, List.of(
        List.of(row(1)), batches(opened, closed, batch(2)), batches(opened, closed, batch(3))));

    input.nextRow();
    assertThat(opened).hasValue(0);
    assertThat(input.hasNext()).isTrue();
    assertThat(input.atBatch()).isTrue();
    input.close();

    assertThat(opened).hasValue(1);
    assertThat(closed).hasValue(1);
  }

  @Test
  void askingForTheWrongKindOfItemFails() {
    WriteInput atRow = new WriteInput(SCHEMA, List.of(List.of(row(1))));
    assertThatThrownBy(atRow::nextBatch).isInstanceOf(NoSuchElementException.class);

    WriteInput atBatch = new WriteInput(SCHEMA, List.of(batches(new AtomicInteger(), new AtomicInteger(), batch(1))));
    assertThatThrownBy(atBatch::nextRow).isInstanceOf(NoSuchElementException.class);
    assertThat(atBatch.atBatch()).isTrue();
    atBatch.nextBatch();
    assertThat(atBatch.hasNext()).isFalse();
    assertThatThrownBy(atBatch::nextBatch).isInstanceOf(NoSuchElementException.class);
  }
}
