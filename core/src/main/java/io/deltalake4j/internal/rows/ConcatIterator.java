package io.deltalake4j.internal.rows;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The elements of several iterables one after another, pulled one at a time. (A stream's
 * {@code flatMap(...).iterator()} buffers each inner iterable whole on the first {@code next()},
 * which would hold a streamed input in memory.)
 */
public final class ConcatIterator<T> implements Iterator<T> {

  private final Iterator<? extends Iterable<? extends T>> parts;
  private Iterator<? extends T> current = java.util.Collections.emptyIterator();

  public ConcatIterator(List<? extends Iterable<? extends T>> parts) {
    this.parts = parts.iterator();
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (!parts.hasNext()) {
        return false;
      }
      current = parts.next().iterator();
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
