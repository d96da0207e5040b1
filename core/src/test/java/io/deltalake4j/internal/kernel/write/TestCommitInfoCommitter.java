package io.deltalake4j.internal.kernel.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.data.Row;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committer's guard on Kernel's commit layout: it swaps exactly the first action, Kernel's
 * commitInfo, and refuses any other layout before a byte is written. The end-to-end behaviour
 * (history as Spark shows it) is checked by TestCommitInfo and the interop suite.
 */
class TestCommitInfoCommitter {

  private static final StructType KERNEL_INFO = new StructType()
      .add("timestamp", LongType.LONG).add("engineInfo", StringType.STRING).add("txnId", StringType.STRING);
  private static final StructType ACTION = new StructType()
      .add("add", new StructType().add("path", StringType.STRING)).add("commitInfo", KERNEL_INFO);

  private static Row commitInfoAction() {
    return new JsonRow(ACTION, null, new JsonRow(KERNEL_INFO, 1_700_000_000_000L, "Kernel-4.4.1/deltalake4j/x", "t-1"));
  }

  private static Row addAction() {
    return new JsonRow(ACTION, new JsonRow(new StructType().add("path", StringType.STRING), "part-0.parquet"), null);
  }

  private static final CommitInfo OURS = new CommitInfo(
      "WRITE", Map.of("mode", "Append"), Map.of("numFiles", "1"), 4L, true, "hello", Map.of("run", "7"));

  @Test
  void replacesKernelsCommitInfoKeepingItsTimestampAndTxnId() {
    CloseableIterator<Row> swapped = CommitInfoCommitter.swap(
        Utils.toCloseableIterator(List.of(commitInfoAction(), addAction()).iterator()), OURS);

    Row first = swapped.next().getStruct(0);
    StructType s = first.getSchema();
    assertThat(first.getLong(s.indexOf("timestamp"))).isEqualTo(1_700_000_000_000L);
    assertThat(first.getString(s.indexOf("operation"))).isEqualTo("WRITE");
    assertThat(first.getLong(s.indexOf("readVersion"))).isEqualTo(4L);
    assertThat(first.getBoolean(s.indexOf("isBlindAppend"))).isTrue();
    assertThat(first.getString(s.indexOf("engineInfo"))).isEqualTo(CommitInfo.ENGINE_INFO).startsWith("deltalake4j/");
    assertThat(first.getString(s.indexOf("txnId"))).isEqualTo("t-1");
    assertThat(first.getString(s.indexOf("userMetadata"))).isEqualTo("hello");
    assertThat(first.getString(s.indexOf("run"))).isEqualTo("7");
    assertThat(first.isNullAt(s.indexOf("inCommitTimestamp"))).isTrue();
    assertThat(swapped.next().getStruct(0).getString(0)).isEqualTo("part-0.parquet");
    assertThat(swapped.hasNext()).isFalse();
  }

  @Test
  void refusesALayoutWhoseFirstActionIsNotTheCommitInfo() {
    CloseableIterator<Row> swapped = CommitInfoCommitter.swap(
        Utils.toCloseableIterator(List.of(addAction(), commitInfoAction()).iterator()), OURS);

    assertThatThrownBy(swapped::next)
        .isInstanceOf(CommitInfoCommitter.KernelLayoutChangedException.class)
        .hasMessageContaining("first commit action is not its commitInfo");
  }

  @Test
  void refusesASecondCommitInfo() {
    CloseableIterator<Row> swapped = CommitInfoCommitter.swap(
        Utils.toCloseableIterator(List.of(commitInfoAction(), commitInfoAction()).iterator()), OURS);

    swapped.next();
    assertThatThrownBy(swapped::next)
        .isInstanceOf(CommitInfoCommitter.KernelLayoutChangedException.class)
        .hasMessageContaining("second commitInfo");
  }
}
