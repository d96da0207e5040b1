package io.deltalake4j;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A table's protocol: what a reader and a writer must support to use it.
 *
 * @param readerFeatures named reader features (tables at reader version 3); empty below that
 * @param writerFeatures named writer features (tables at writer version 7); empty below that
 */
public record Protocol(
    int minReaderVersion, int minWriterVersion, Set<String> readerFeatures, Set<String> writerFeatures) {

  public Protocol {
    readerFeatures = Set.copyOf(readerFeatures);
    writerFeatures = Set.copyOf(writerFeatures);
  }

  /**
   * Every table feature the protocol supports, sorted: the named ones, plus, below reader version 3
   * and writer version 7, the features the versions imply (writer 2: appendOnly, invariants; 3:
   * checkConstraints; 4: changeDataFeed, generatedColumns; 5 or reader 2: columnMapping; 6:
   * identityColumns). This is the {@code tableFeatures} list of Spark's DESCRIBE DETAIL.
   */
  public SortedSet<String> features() {
    SortedSet<String> all = new TreeSet<>(readerFeatures);
    all.addAll(writerFeatures);
    if (minWriterVersion < 7) {
      impliedByWriterVersion(all);
    }
    if (minReaderVersion == 2) {
      all.add("columnMapping");
    }
    return Collections.unmodifiableSortedSet(all);
  }

  private void impliedByWriterVersion(Set<String> out) {
    if (minWriterVersion >= 2) {
      out.add("appendOnly");
      out.add("invariants");
    }
    if (minWriterVersion >= 3) {
      out.add("checkConstraints");
    }
    if (minWriterVersion >= 4) {
      out.add("changeDataFeed");
      out.add("generatedColumns");
    }
    if (minWriterVersion >= 5) {
      out.add("columnMapping");
    }
    if (minWriterVersion >= 6) {
      out.add("identityColumns");
    }
  }
}
