package io.deltalake4j.internal.filter;

/**
 * A token of filter text.
 *
 * @param value a word as written, a backquoted name or string with its escapes undone, a number
 *     or hex literal's digits, or an operator or punctuation symbol
 * @param start the 0-based offset of the token's first character
 * @param end the offset just past the token's last character
 */
record Token(Kind kind, String value, int start, int end) {

  enum Kind {
    /** A bare word: a keyword or a column name. */
    WORD,
    /** A `backquoted` column name. */
    NAME,
    /** A 'quoted' string. */
    STRING,
    /** X'hex' bytes. */
    HEX,
    NUMBER,
    /** An operator, a parenthesis, a comma or a dot. */
    SYMBOL,
    END
  }

  /** Whether this is the keyword, in any case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && value.equals(symbol);
  }
}
