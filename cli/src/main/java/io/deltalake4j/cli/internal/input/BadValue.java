package io.deltalake4j.cli.internal.input;

import io.deltalake4j.types.DataType;

/**
 * A value that does not fit its column, found while converting one record; the reader adds the
 * file and line. No stack trace: it is always turned into an {@link InputException}.
 */
final class BadValue extends RuntimeException {

  BadValue(String path, DataType type, String got, String detail) {
    super("column '" + path + "' (" + type.sql() + ") got " + abbreviate(got) + (detail.isEmpty() ? "" : " (" + detail + ")"),
        null, false, false);
  }

  BadValue(String path, DataType type, String got) {
    this(path, type, got, "");
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
