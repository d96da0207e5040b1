package io.deltalake4j.hms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deltalake4j.exceptions.CatalogException;
import io.deltalake4j.testing.SilentServer;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A metastore that accepts connections and never answers: the call fails once the read timeout passes, not retried. */
class TestMetastoreTimeouts {

  @Test
  void aCallThatGetsNoAnswerFailsAfterTheReadTimeoutWithoutRetrying() {
    try (SilentServer hung = new SilentServer();
        HiveCatalog hms = HiveCatalog.builder("thrift://127.0.0.1:" + hung.port())
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).attempts(3).build()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> hms.tables("default"))
          .isInstanceOf(CatalogException.class)
          .hasMessage("Cannot list the tables of database default: the Hive Metastore at thrift://127.0.0.1:"
              + hung.port() + " accepted the connection but did not answer within 2000 ms (read timeout). The call was "
              + "not retried, since the metastore may still be working on it. Check that the metastore is healthy, or "
              + "allow it more time.")
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(hung.connections()).as("not retried").isEqualTo(1);
    }
  }
}
