package io.deltalake4j.internal.filter;

import io.deltalake4j.internal.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits filter text into tokens, ending with an {@link Kind#END} token. */
final class Lexer {

  /**
   * Words that cannot be bare column names. DATE, TIMESTAMP and ESCAPE are keywords only when a
   * string follows them, so columns may have those names.
   */
  private static final Set<String> RESERVED =
      Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "BETWEEN", "LIKE", "TRUE", "FALSE");

  private static final List<String> SYMBOLS =
      List.of("!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", ".");

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int i;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  static boolean isReserved(String word) {
    return RESERVED.contains(word.toUpperCase(Locale.ROOT));
  }

  /** Whether a column name can be written without backquotes. */
  static boolean isBareName(String name) {
    if (name.isEmpty() || !isWordStart(name.charAt(0)) || isReserved(name)) {
      return false;
    }
    return name.chars().allMatch(c -> isWordPart((char) c));
  }

  private void run() {
    while (true) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= text.length()) {
        tokens.add(new Token(Kind.END, "", i, i));
        return;
      }
      int start = i;
      char c = text.charAt(i);
      if (c == '\'') {
        add(Kind.STRING, quoted('\'', start, "string", "'' for a quote"), start);
      } else if (c == '`') {
        add(Kind.NAME, quoted('`', start, "column name", "`` for a backquote"), start);
      } else if ((c == 'x' || c == 'X') && charAt(i + 1) == '\'') {
        i++;
        add(Kind.HEX, quoted('\'', start, "hex literal", "two hex digits per byte"), start);
      } else if (isDigit(c) || (c == '-' && isDigit(charAt(i + 1)))) {
        number();
      } else if (isWordStart(c)) {
        while (i < text.length() && isWordPart(text.charAt(i))) {
          i++;
        }
        add(Kind.WORD, text.substring(start, i), start);
      } else {
        symbol();
      }
    }
  }

  /**
   * Reads from the opening quote at the current offset to its closing one; a doubled quote stands
   * for itself. Errors point at {@code start}, where the token begins.
   */
  private String quoted(char quote, int start, String what, String escapeHint) {
    StringBuilder value = new StringBuilder();
    i++;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c != quote) {
        value.append(c);
      } else if (charAt(i) == quote) {
        value.append(quote);
        i++;
      } else {
        return value.toString();
      }
    }
    throw SyntaxErrors.at(
        text,
        start,
        "the " + what + " starting here has no closing " + (quote == '`' ? "backquote" : "quote"),
        "End it with " + quote + ", and write " + escapeHint + " inside it.");
  }

  /** Digits with an optional sign, fraction and exponent: -12, 12.30, 1.5e-3. */
  private void number() {
    int start = i;
    if (text.charAt(i) == '-') {
      i++;
    }
    digits();
    if (charAt(i) == '.' && isDigit(charAt(i + 1))) {
      i++;
      digits();
    }
    if (charAt(i) == 'e' || charAt(i) == 'E') {
      int sign = charAt(i + 1) == '+' || charAt(i + 1) == '-' ? 1 : 0;
      if (isDigit(charAt(i + 1 + sign))) {
        i += 1 + sign;
        digits();
      }
    }
    if (isWordPart(charAt(i))) {
      throw SyntaxErrors.at(
          text,
          i,
          "unexpected character '" + text.charAt(i) + "' after the number "
              + text.substring(start, i),
          "Separate words with spaces, and start column names with a letter or '_'.");
    }
    add(Kind.NUMBER, text.substring(start, i), start);
  }

  private void digits() {
    while (isDigit(charAt(i))) {
      i++;
    }
  }

  private void symbol() {
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, i)) {
        int start = i;
        i += symbol.length();
        add(Kind.SYMBOL, symbol, start);
        return;
      }
    }
    throw SyntaxErrors.at(
        text,
        i,
        "unexpected character '" + text.charAt(i) + "'",
        "Put column names with characters other than letters, digits and '_' in backquotes, "
            + "e.g. `unit price` > 10.");
  }

  private void add(Kind kind, String value, int start) {
    tokens.add(new Token(kind, value, start, i));
  }

  /** The character at an offset, or 0 past the end. */
  private char charAt(int offset) {
    return offset < text.length() ? text.charAt(offset) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c);
  }
}
