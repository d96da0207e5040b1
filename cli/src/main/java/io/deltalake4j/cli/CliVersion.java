package io.deltalake4j.cli;

import io.deltalake4j.DeltaLake;
import picocli.CommandLine.IVersionProvider;

/** What {@code deltalake4j --version} prints: the library's version (core and cli are released together). */
final class CliVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "deltalake4j " + DeltaLake.libraryVersion(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
