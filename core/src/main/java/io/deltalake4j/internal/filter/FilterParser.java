package io.deltalake4j.internal.filter;

import io.deltalake4j.exceptions.InvalidFilterException;
import io.deltalake4j.filter.Column;
import io.deltalake4j.filter.Filter;
import io.deltalake4j.filter.Filter.Op;
import io.deltalake4j.internal.filter.Token.Kind;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recursive-descent parser for the SQL subset documented on {@link Filter#parse}.
 *
 * <p>Grammar, with NOT binding tighter than AND, and AND tighter than OR:
 *
 * <pre>
 * or        := and (OR and)*
 * and       := not (AND not)*
 * not       := NOT not | '(' or ')' | predicate
 * predicate := column op literal | literal op column
 *            | column IS [NOT] NULL | column [NOT] IN '(' literal (',' literal)* ')'
 *            | column [NOT] BETWEEN literal AND literal
 *            | column [NOT] LIKE 'pattern' [ESCAPE 'c']
 * column    := name ('.' name)*        name := word | `backquoted`
 * literal   := number | 'string' | DATE 'string' | TIMESTAMP 'string' | X'hex'
 *            | TRUE | FALSE | NULL
 * </pre>
 *
 * <p>{@code a BETWEEN x AND y} becomes {@code a >= x AND a <= y}; {@code LIKE 'abc%'} becomes
 * {@link Filter.StartsWith} (see {@link LikePatterns}); {@code 5 < a} becomes {@code a > 5}.
 * Literal types are left to the binder: integers are Long (BigDecimal beyond the long range),
 * 12.30 is BigDecimal with its written scale, 1e3 is Double, TIMESTAMP is LocalDateTime.
 */
public final class FilterParser {

  /** How deep parentheses and NOTs may nest, to keep recursion bounded on hostile input. */
  private static final int MAX_DEPTH = 200;

  private static final String LITERALS =
      "Use a number, a 'string', DATE 'YYYY-MM-DD', TIMESTAMP 'YYYY-MM-DD HH:MM:SS', TRUE, FALSE "
          + "or NULL, e.g. price >= 100.";

  private final String text;
  private final List<Token> tokens;
  private int next;
  private int depth;

  private FilterParser(String text) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
  }

  /**
   * Parses filter text.
   *
   * @throws InvalidFilterException with the position of the first error
   */
  public static Filter parse(String text) {
    Objects.requireNonNull(text, "filter text");
    return new FilterParser(text).filter();
  }

  /** Whether a column name can be written without backquotes in filter text. */
  public static boolean isBareName(String name) {
    return Lexer.isBareName(name);
  }

  private Filter filter() {
    if (peek().kind() == Kind.END) {
      throw error(peek(), "the filter is empty", "Write a condition, e.g. price >= 100.");
    }
    Filter filter = or();
    Token extra = peek();
    if (extra.kind() != Kind.END) {
      String fix =
          extra.isSymbol(")")
              ? "Remove it, or add the matching '('."
              : "Join conditions with AND or OR.";
      throw expected("AND, OR or the end of the filter", fix);
    }
    return filter;
  }

  private Filter or() {
    Filter filter = and();
    while (acceptKeyword("OR")) {
      filter = new Filter.Or(filter, and());
    }
    return filter;
  }

  private Filter and() {
    Filter filter = not();
    while (acceptKeyword("AND")) {
      filter = new Filter.And(filter, not());
    }
    return filter;
  }

  private Filter not() {
    Token start = peek();
    if (acceptKeyword("NOT")) {
      enter(start);
      Filter child = not();
      depth--;
      return new Filter.Not(child);
    }
    if (acceptSymbol("(")) {
      enter(start);
      Filter inner = or();
      if (!acceptSymbol(")")) {
        throw expected(
            "')' to close the '(' at position " + start.start(),
            "Check that the parentheses are balanced.");
      }
      depth--;
      return inner;
    }
    return predicate();
  }

  private void enter(Token token) {
    if (++depth > MAX_DEPTH) {
      throw error(
          token,
          "parentheses and NOT nest more than " + MAX_DEPTH + " deep",
          "Simplify the filter.");
    }
  }

  private Filter predicate() {
    if (startsLiteral()) {
      Token first = peek();
      Object value = literal("");
      Token opToken = peek();
      Op op = comparisonOp();
      if (op == null) {
        throw expected(
            "a comparison operator after " + describe(first),
            "Compare a column with a value, e.g. price >= 100.");
      }
      if (!startsColumn()) {
        String fix =
            startsLiteral()
                ? "Comparing two values is not supported; compare a column with a value, "
                    + "e.g. 100 <= price."
                : "Compare a column with a value, e.g. 100 <= price.";
        throw expected("a column after '" + opToken.value() + "'", fix);
      }
      return new Filter.Comparison(column(), flip(op), value);
    }
    if (!startsColumn()) {
      throw expected(
          "a column, NOT or '('", "Start each condition with a column name, e.g. price >= 100.");
    }
    return condition(column());
  }

  /** What follows a column: an operator and its operands. */
  private Filter condition(Column column) {
    Token opToken = peek();
    Op op = comparisonOp();
    if (op != null) {
      return new Filter.Comparison(column, op, literal("after '" + opToken.value() + "'"));
    }
    if (acceptKeyword("IS")) {
      boolean not = acceptKeyword("NOT");
      if (!acceptKeyword("NULL")) {
        throw expected(
            not ? "NULL after IS NOT" : "NULL or NOT NULL after IS",
            "Write IS NULL or IS NOT NULL, e.g. price IS NOT NULL.");
      }
      return not ? new Filter.IsNotNull(column) : new Filter.IsNull(column);
    }
    boolean negated = acceptKeyword("NOT");
    Filter filter;
    if (acceptKeyword("IN")) {
      filter = in(column);
    } else if (acceptKeyword("BETWEEN")) {
      filter = between(column);
    } else if (acceptKeyword("LIKE")) {
      filter = like(column);
    } else if (negated) {
      throw expected(
          "IN, BETWEEN or LIKE after NOT",
          "To negate a comparison, use != or put NOT first, e.g. NOT (price = 100).");
    } else {
      throw expected(
          "an operator (=, !=, <>, <, <=, >, >=, IN, IS, BETWEEN or LIKE) after column "
              + column,
          "Compare the column with a value, e.g. price >= 100.");
    }
    return negated ? new Filter.Not(filter) : filter;
  }

  private Filter in(Column column) {
    if (!acceptSymbol("(")) {
      throw expected(
          "'(' after IN", "List the values in parentheses, e.g. region IN ('us', 'eu').");
    }
    if (peek().isSymbol(")")) {
      throw error(
          peek(), "the IN list is empty", "List at least one value, e.g. region IN ('us').");
    }
    List<Object> values = new ArrayList<>();
    do {
      values.add(literal("in the IN list"));
    } while (acceptSymbol(","));
    if (!acceptSymbol(")")) {
      throw expected("',' or ')' in the IN list", "Separate values with commas and end with ')'.");
    }
    return new Filter.In(column, values);
  }

  private Filter between(Column column) {
    Object low = literal("after BETWEEN");
    if (!acceptKeyword("AND")) {
      throw expected(
          "AND after the BETWEEN lower bound",
          "Write BETWEEN low AND high, e.g. price BETWEEN 10 AND 20.");
    }
    Object high = literal("after BETWEEN ... AND");
    return column.ge(low).and(column.le(high));
  }

  private Filter like(Column column) {
    Token pattern = peek();
    if (pattern.kind() != Kind.STRING) {
      throw expected("a 'pattern' after LIKE", "Quote the pattern, e.g. name LIKE 'abc%'.");
    }
    next++;
    if (!acceptKeyword("ESCAPE")) {
      return LikePatterns.filter(column, pattern.value());
    }
    Token escape = peek();
    if (escape.kind() != Kind.STRING) {
      throw expected(
          "an escape character after ESCAPE",
          "Quote one character, e.g. name LIKE 'a\\_b%' ESCAPE '\\'.");
    }
    next++;
    return LikePatterns.filter(column, pattern, escape, text);
  }

  private boolean startsLiteral() {
    Token t = peek();
    return switch (t.kind()) {
      case NUMBER, STRING, HEX -> true;
      case WORD -> t.isKeyword("TRUE")
          || t.isKeyword("FALSE")
          || t.isKeyword("NULL")
          || ((t.isKeyword("DATE") || t.isKeyword("TIMESTAMP"))
              && tokens.get(next + 1).kind() == Kind.STRING);
      default -> false;
    };
  }

  /** Reads a literal; {@code where} completes "expected a literal ..." in errors. */
  private Object literal(String where) {
    Token t = peek();
    if (!startsLiteral()) {
      String fix =
          startsColumn()
              ? "Comparing two columns is not supported; compare a column with a value, "
                  + "e.g. price >= 100."
              : LITERALS;
      throw expected("a literal " + where, fix);
    }
    next++;
    if (t.kind() == Kind.NUMBER) {
      return number(t);
    }
    if (t.kind() == Kind.STRING) {
      return t.value();
    }
    if (t.kind() == Kind.HEX) {
      return hex(t);
    }
    if (t.isKeyword("NULL")) {
      return null;
    }
    if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
      return t.isKeyword("TRUE");
    }
    return t.isKeyword("DATE") ? date(tokens.get(next++)) : timestamp(tokens.get(next++));
  }

  private Object number(Token t) {
    try {
      return Literals.number(t.value());
    } catch (IllegalArgumentException e) {
      throw error(t, e.getMessage(), "Use a smaller number.");
    }
  }

  private byte[] hex(Token t) {
    try {
      return Literals.hex(t.value());
    } catch (IllegalArgumentException e) {
      throw error(
          t, "invalid hex literal " + source(t), "Use two hex digits per byte, e.g. X'CAFE'.");
    }
  }

  private Object date(Token s) {
    try {
      return Literals.date(s.value());
    } catch (DateTimeException e) {
      throw error(
          s,
          "invalid date " + source(s) + Literals.reason(e),
          "Use DATE 'YYYY-MM-DD', e.g. DATE '2024-01-31'.");
    }
  }

  private Object timestamp(Token s) {
    try {
      return Literals.timestamp(s.value());
    } catch (DateTimeException e) {
      throw error(
          s,
          "invalid timestamp " + source(s) + Literals.reason(e),
          "Use TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.ffffff]', e.g. TIMESTAMP '2024-01-31 13:45:00'.");
    }
  }

  private boolean startsColumn() {
    Token t = peek();
    return t.kind() == Kind.NAME || (t.kind() == Kind.WORD && !Lexer.isReserved(t.value()));
  }

  /** A column path; after a dot, any word is a field name. Callers check startsColumn first. */
  private Column column() {
    List<String> path = new ArrayList<>();
    path.add(name(tokens.get(next++)));
    while (acceptSymbol(".")) {
      Token t = peek();
      if (t.kind() != Kind.NAME && t.kind() != Kind.WORD) {
        throw expected(
            "a field name after '.'", "Write nested fields as a.b, and other names as a.`b c`.");
      }
      next++;
      path.add(name(t));
    }
    return Column.of(path.toArray(String[]::new));
  }

  private String name(Token t) {
    if (t.value().isEmpty()) {
      throw error(t, "the column name is empty", "Put the name between the backquotes.");
    }
    return t.value();
  }

  private Op comparisonOp() {
    Token t = peek();
    if (t.kind() != Kind.SYMBOL) {
      return null;
    }
    Op op =
        switch (t.value()) {
          case "=" -> Op.EQ;
          case "!=", "<>" -> Op.NE;
          case "<" -> Op.LT;
          case "<=" -> Op.LE;
          case ">" -> Op.GT;
          case ">=" -> Op.GE;
          default -> null;
        };
    if (op != null) {
      next++;
    }
    return op;
  }

  /** The operator with its sides swapped: {@code 5 < a} is {@code a > 5}. */
  private static Op flip(Op op) {
    return switch (op) {
      case LT -> Op.GT;
      case LE -> Op.GE;
      case GT -> Op.LT;
      case GE -> Op.LE;
      case EQ, NE -> op;
    };
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private InvalidFilterException expected(String what, String fix) {
    return error(peek(), "expected " + what + " but found " + describe(peek()), fix);
  }

  private InvalidFilterException error(Token at, String reason, String fix) {
    return SyntaxErrors.at(text, at.start(), reason, fix);
  }

  private String describe(Token t) {
    return switch (t.kind()) {
      case END -> "end of input";
      case STRING -> "the string " + source(t);
      case NAME -> "column " + source(t);
      default -> "'" + source(t) + "'";
    };
  }

  /** The token as written, shortened if long. */
  private String source(Token t) {
    String s = text.substring(t.start(), t.end());
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
