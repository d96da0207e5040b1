package io.deltalake4j.internal.filter;

import io.deltalake4j.filter.Column;
import io.deltalake4j.filter.Filter;

/**
 * Turns a LIKE pattern into a filter: {@code 'prefix%'} with no other wildcard becomes
 * {@link Filter.StartsWith}, anything else {@link Filter.Like}.
 *
 * <p>An ESCAPE character makes the next %, _ or escape character literal. {@link Filter.Like} has
 * no escape character, so escaped wildcards are accepted only in prefix patterns, which become
 * StartsWith; this is how StartsWith prints a prefix that contains % or _.
 */
final class LikePatterns {
  private LikePatterns() {}

  static Filter filter(Column column, String pattern) {
    int wildcard = firstWildcard(pattern);
    if (wildcard == pattern.length() - 1 && pattern.endsWith("%")) {
      return new Filter.StartsWith(column, pattern.substring(0, wildcard));
    }
    return new Filter.Like(column, pattern);
  }

  static Filter filter(Column column, Token pattern, Token escape, String text) {
    if (escape.value().length() != 1 || firstWildcard(escape.value()) == 0) {
      throw SyntaxErrors.at(
          text,
          escape.start(),
          "the ESCAPE string must be one character other than % and _",
          "Use one character, e.g. ESCAPE '\\'.");
    }
    char esc = escape.value().charAt(0);
    String p = pattern.value();
    StringBuilder unescaped = new StringBuilder();
    boolean escapedWildcard = false;
    int wildcards = 0;
    boolean endsWithPercent = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      endsWithPercent = false;
      if (c == esc) {
        char next = i + 1 < p.length() ? p.charAt(i + 1) : 0;
        if (next != '%' && next != '_' && next != esc) {
          throw SyntaxErrors.at(
              text,
              pattern.start(),
              "the escape character '" + esc + "' at index " + i + " of the pattern is not "
                  + "followed by %, _ or itself",
              "Escape only wildcards and the escape character, e.g. 'a" + esc + "_b%'.");
        }
        escapedWildcard |= next != esc;
        unescaped.append(next);
        i++;
      } else {
        if (c == '%' || c == '_') {
          wildcards++;
          endsWithPercent = c == '%';
        }
        unescaped.append(c);
      }
    }
    if (wildcards == 1 && endsWithPercent) {
      return new Filter.StartsWith(column, unescaped.substring(0, unescaped.length() - 1));
    }
    if (escapedWildcard) {
      throw SyntaxErrors.at(
          text,
          pattern.start(),
          "an escaped % or _ is supported only in a prefix pattern such as 'a" + esc + "%b%'",
          "Filter on a prefix, or filter the rows after reading them.");
    }
    return new Filter.Like(column, unescaped.toString());
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%' || s.charAt(i) == '_') {
        return i;
      }
    }
    return -1;
  }
}
