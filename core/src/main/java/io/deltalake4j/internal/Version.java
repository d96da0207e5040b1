package io.deltalake4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library's version, from the build. */
public final class Version {
  private Version() {}

  public static final String VERSION = load();

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/io/deltalake4j/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
