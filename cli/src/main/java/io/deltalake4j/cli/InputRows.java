package io.deltalake4j.cli;

import io.deltalake4j.Row;
import io.deltalake4j.cli.internal.Progress;
import io.deltalake4j.cli.internal.input.Input;
import io.deltalake4j.cli.internal.input.RowSource;
import io.deltalake4j.types.StructType;
import java.util.Iterator;

/**
 * The input's rows as the {@link Iterable} a write takes. The file is opened when the write starts
 * reading, and read once, lazily, through the progress counter; a second pass is refused rather
 * than silently empty. Closing closes the file.
 */
final class InputRows implements Iterable<Row>, AutoCloseable {

  private final Input input;
  private final StructType schema;
  private final Progress progress;
  private RowSource source;

  InputRows(Input input, StructType schema, Progress progress) {
    this.input = input;
    this.schema = schema;
    this.progress = progress;
  }

  @Override
  public Iterator<Row> iterator() {
    if (source != null) {
      throw new IllegalStateException("Cannot read the input twice: it is read once, as the write goes.");
    }
    source = input.open(schema);
    return progress.counting(source);
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
