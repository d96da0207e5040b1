package io.deltalake4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TestProtocol {

  @Test
  void legacyVersionsImplyTheirFeatures() {
    assertThat(new Protocol(1, 1, Set.of(), Set.of()).features()).isEmpty();
    assertThat(new Protocol(1, 2, Set.of(), Set.of()).features()).containsExactly("appendOnly", "invariants");
    assertThat(new Protocol(1, 4, Set.of(), Set.of()).features())
        .containsExactly("appendOnly", "changeDataFeed", "checkConstraints", "generatedColumns", "invariants");
    assertThat(new Protocol(2, 6, Set.of(), Set.of()).features())
        .containsExactly("appendOnly", "changeDataFeed", "checkConstraints", "columnMapping", "generatedColumns",
            "identityColumns", "invariants");
  }

  @Test
  void tableFeatureVersionsListOnlyTheNamedFeatures() {
    Protocol p = new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors", "appendOnly", "invariants"));

    assertThat(p.features()).containsExactly("appendOnly", "deletionVectors", "invariants");
  }

  @Test
  void readerVersionTwoUnderWriterSevenStillMeansColumnMapping() {
    assertThat(new Protocol(2, 7, Set.of(), Set.of("columnMapping")).features()).containsExactly("columnMapping");
  }
}
