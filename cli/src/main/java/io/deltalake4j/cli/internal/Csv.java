package io.deltalake4j.cli.internal;

import java.util.List;

/**
 * CSV records per RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when
 * it contains a comma, a double quote, CR or LF, with quotes inside doubled. A null is an empty
 * field; an empty string is a quoted empty field ({@code ""}), so the two stay apart.
 */
public final class Csv {
  private Csv() {}

  /** The record separator RFC 4180 prescribes. */
  public static final String EOL = "\r\n";

  /** One record, without its line ending. */
  public static String record(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      field(out, fields.get(i));
    }
    return out.toString();
  }

  static void field(StringBuilder out, String value) {
    if (value == null) {
      return;
    }
    if (value.isEmpty() || needsQuotes(value)) {
      out.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      out.append(value);
    }
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
