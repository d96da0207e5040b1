package io.deltalake4j.hms.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a PostgreSQL script into the statements psql would send one by one: a semicolon ends a
 * statement unless it is inside a string ({@code '...'}, {@code E'...'}, dollar-quoted {@code
 * $tag$...$tag$}), a quoted identifier, a comment ({@code --}, nested {@code /* *}{@code /}) or
 * parentheses. Backslashes escape quotes in {@code E'...'} strings, and in every string once the
 * script says {@code SET standard_conforming_strings = off} (as Hive's schema scripts do). Psql's
 * backslash commands are not supported: a script with one fails on the server.
 */
public final class SqlScript {

  /** A statement, without its semicolon, and the line (from 1) where it starts. */
  public record Statement(int line, String sql) {}

  private static final Pattern STANDARD_STRINGS = Pattern.compile(
      "(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?standard_conforming_strings\\s*(?:=|TO)\\s*'?(\\w+)'?");

  private final String text;
  private final List<Statement> statements = new ArrayList<>();
  private int pos;
  private int line = 1;
  private boolean standardStrings = true; // the server's default

  private SqlScript(String text) {
    this.text = text;
  }

  public static List<Statement> split(String script) {
    SqlScript s = new SqlScript(script);
    s.run();
    return s.statements;
  }

  private void run() {
    int start = -1; // first significant character of the current statement
    int startLine = 0;
    int parens = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '-' && peek(1) == '-') {
        skipLineComment();
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        skipBlockComment();
        continue;
      }
      if (Character.isWhitespace(c)) {
        advance();
        continue;
      }
      if (c == ';' && parens <= 0) {
        if (start >= 0) {
          add(startLine, text.substring(start, pos));
        }
        start = -1;
        parens = 0;
        advance();
        continue;
      }
      if (start < 0) {
        start = pos;
        startLine = line;
      }
      if (c == '(') {
        parens++;
        advance();
      } else if (c == ')') {
        parens--;
        advance();
      } else if (c == '\'') {
        boolean escapes = !standardStrings || isEscapePrefix(pos - 1);
        skipString(escapes);
      } else if (c == '"') {
        skipQuoted('"');
      } else if (c == '$' && !isIdentifierPart(pos - 1)) {
        skipDollarQuoted();
      } else {
        advance();
      }
    }
    if (start >= 0) {
      add(startLine, text.substring(start));
    }
  }

  private void add(int startLine, String sql) {
    String statement = sql.strip();
    statements.add(new Statement(startLine, statement));
    Matcher m = STANDARD_STRINGS.matcher(statement);
    if (m.matches()) {
      String value = m.group(1).toLowerCase(Locale.ROOT);
      standardStrings = !(value.equals("off") || value.equals("false") || value.equals("0"));
    }
  }

  /** True when the quote at {@code quote + 1} opens an {@code E'...'} string. */
  private boolean isEscapePrefix(int at) {
    return at >= 0 && (text.charAt(at) == 'E' || text.charAt(at) == 'e') && !isIdentifierPart(at - 1);
  }

  private boolean isIdentifierPart(int at) {
    if (at < 0) {
      return false;
    }
    char c = text.charAt(at);
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  private void skipLineComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      advance();
    }
  }

  private void skipBlockComment() {
    int opened = line;
    int depth = 0;
    while (pos < text.length()) {
      if (text.startsWith("/*", pos)) {
        depth++;
        advance();
        advance();
      } else if (text.startsWith("*/", pos)) {
        depth--;
        advance();
        advance();
        if (depth == 0) {
          return;
        }
      } else {
        advance();
      }
    }
    throw unterminated("comment", opened);
  }

  private void skipString(boolean backslashEscapes) {
    int opened = line;
    advance(); // the opening quote
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (backslashEscapes && c == '\\') {
        advance();
        if (pos < text.length()) {
          advance();
        }
      } else if (c == '\'') {
        advance();
        if (peek(0) != '\'') {
          return;
        }
        advance(); // a doubled quote
      } else {
        advance();
      }
    }
    throw unterminated("string", opened);
  }

  private void skipQuoted(char quote) {
    int opened = line;
    advance();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      advance();
      if (c == quote) {
        if (peek(0) != quote) {
          return;
        }
        advance();
      }
    }
    throw unterminated("quoted identifier", opened);
  }

  /** At a {@code $}: a dollar quote when a tag ({@code $$} or {@code $name$}) follows, else a plain character. */
  private void skipDollarQuoted() {
    int end = pos + 1;
    while (end < text.length() && isTagChar(text.charAt(end), end == pos + 1)) {
      end++;
    }
    if (end >= text.length() || text.charAt(end) != '$') {
      advance(); // $1 and the like
      return;
    }
    String tag = text.substring(pos, end + 1);
    int opened = line;
    int close = text.indexOf(tag, end + 1);
    if (close < 0) {
      throw unterminated("dollar-quoted string " + tag, opened);
    }
    while (pos < close + tag.length()) {
      advance();
    }
  }

  private static boolean isTagChar(char c, boolean first) {
    return Character.isLetter(c) || c == '_' || c > 127 || (!first && Character.isDigit(c));
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
    }
    pos++;
  }

  private static IllegalArgumentException unterminated(String what, int line) {
    return new IllegalArgumentException("Unterminated " + what + " starting at line " + line);
  }
}
