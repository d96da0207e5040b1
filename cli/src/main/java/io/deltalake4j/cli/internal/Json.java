package io.deltalake4j.cli.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON text (RFC 8259) for plain values: {@code null}, {@link String}, {@link Boolean},
 * integral {@link Number}s, maps with string keys (objects, in iteration
 * order) and collections (arrays). Pretty output keeps an array of scalars on one line. Typed Delta
 * values go through {@link DeltaJson}.
 */
public final class Json {
  private Json() {}

  /** The value as compact JSON on one line. */
  public static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, -1);
    return out.toString();
  }

  /** The value as JSON indented by two spaces per level. */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  /** The string as a JSON string literal. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(out, s);
    return out.toString();
  }

  /**
   * Appends the string as a JSON string literal. Escapes the quote, the backslash and every control
   * character (U+0000 to U+001F, short forms where JSON has them), and also U+2028 and U+2029 (line
   * separators to JavaScript) and unpaired surrogates (which have no UTF-8 encoding).
   */
  public static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /** @param level the nesting level for pretty output, or -1 for compact output on one line */
  private static void write(StringBuilder out, Object value, int level) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Boolean
        || value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof Map<?, ?> m) {
      writeObject(out, m, level);
    } else if (value instanceof Collection<?> c) {
      writeArray(out, c, level);
    } else {
      throw new IllegalArgumentException("Cannot write JSON for a " + value.getClass().getName()
          + ": use a string, boolean, integral number, map or collection.");
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int level) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      newline(out, level, 1);
      quote(out, String.valueOf(e.getKey()));
      out.append(level < 0 ? ":" : ": ");
      write(out, e.getValue(), inner(level));
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(out, level, 0);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, Collection<?> values, int level) {
    if (values.isEmpty()) {
      out.append("[]");
      return;
    }
    boolean scalars = values.stream().noneMatch(v -> v instanceof Map || v instanceof Collection);
    int lineLevel = scalars ? -1 : level;
    out.append('[');
    Iterator<?> it = values.iterator();
    while (it.hasNext()) {
      newline(out, lineLevel, 1);
      write(out, it.next(), inner(level));
      if (it.hasNext()) {
        out.append(level >= 0 && scalars ? ", " : ",");
      }
    }
    newline(out, lineLevel, 0);
    out.append(']');
  }

  private static int inner(int level) {
    return level < 0 ? -1 : level + 1;
  }

  /** In pretty output, a line break and the indent of {@code level + extra}; nothing in compact output. */
  private static void newline(StringBuilder out, int level, int extra) {
    if (level >= 0) {
      out.append('\n').append("  ".repeat(level + extra));
    }
  }
}
