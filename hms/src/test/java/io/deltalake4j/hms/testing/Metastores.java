package io.deltalake4j.hms.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests a real Hive Metastore: register with {@code @ExtendWith(Metastores.class)} and call
 * {@link #hms()}. It starts once per test JVM and stops at the end of the run.
 */
public final class Metastores implements BeforeAllCallback {

  private static volatile EmbeddedHms hms;

  @Override
  public void beforeAll(ExtensionContext context) {
    hms = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(EmbeddedHms.class, k -> new EmbeddedHms(), EmbeddedHms.class);
  }

  public static EmbeddedHms hms() {
    if (hms == null) {
      throw new IllegalStateException("Register the Metastores extension: @ExtendWith(Metastores.class)");
    }
    return hms;
  }
}
