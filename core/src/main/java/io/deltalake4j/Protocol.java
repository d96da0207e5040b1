package io.deltalake4j;

import java.util.Set;

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
}
