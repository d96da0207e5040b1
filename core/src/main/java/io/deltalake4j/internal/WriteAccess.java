package io.deltalake4j.internal;

import io.deltalake4j.WriteBuilder;
import io.deltalake4j.internal.kernel.write.WriteInput;
import java.util.function.BiConsumer;

/**
 * How other modules of the library (arrow) give a write columnar input without a public method
 * that would show internal types: {@code WriteBuilder} registers the way in when it is loaded.
 */
public final class WriteAccess {
  private WriteAccess() {}

  private static volatile BiConsumer<WriteBuilder<?>, WriteInput.Batches> adder;

  /** Called once, by {@code WriteBuilder}. */
  public static void register(BiConsumer<WriteBuilder<?>, WriteInput.Batches> add) {
    adder = add;
  }

  /** Adds columnar input to a write, after what it was given so far. */
  public static void addBatches(WriteBuilder<?> write, WriteInput.Batches batches) {
    adder.accept(write, batches);
  }
}
