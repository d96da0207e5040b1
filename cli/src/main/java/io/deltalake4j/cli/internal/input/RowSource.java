package io.deltalake4j.cli.internal.input;

import io.deltalake4j.Row;
import java.util.Iterator;

/**
 * The rows of an input file, read lazily: one record is parsed and converted per {@link #next()},
 * so memory does not grow with the file. The caller closes it; closing twice is harmless.
 */
public interface RowSource extends Iterator<Row>, AutoCloseable {

  @Override
  void close();
}
