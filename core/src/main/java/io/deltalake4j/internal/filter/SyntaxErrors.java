package io.deltalake4j.internal.filter;

import io.deltalake4j.exceptions.InvalidFilterException;

/** Builds positioned parse errors that show the text with a caret under the failing spot. */
final class SyntaxErrors {
  private static final int WINDOW = 40;

  private SyntaxErrors() {}

  /** "Cannot parse filter at position N: reason. fix" followed by a snippet and caret. */
  static InvalidFilterException at(String text, int position, String reason, String fix) {
    String message =
        "Cannot parse filter at position " + position + ": " + reason + ". " + fix + "\n"
            + snippet(text, position);
    return new InvalidFilterException(message, position);
  }

  /** Two lines: the text around the position (whitespace shown as spaces), and a caret. */
  private static String snippet(String text, int position) {
    int from = Math.max(0, position - WINDOW);
    int to = Math.min(text.length(), position + WINDOW);
    String prefix = from > 0 ? "  ..." : "  ";
    String suffix = to < text.length() ? "..." : "";
    String shown = text.substring(from, to).replaceAll("\\s", " ");
    return prefix + shown + suffix + "\n" + " ".repeat(prefix.length() + position - from) + "^";
  }
}
