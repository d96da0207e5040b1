package io.deltalake4j.internal.rows;

import java.lang.reflect.Array;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * A value as a message shows it: binary as a SQL literal {@code X'CAFE'}, other arrays by their
 * elements, and an object whose class does not say how to print it by nothing at all, never as
 * {@code [B@1a2b} or {@code Widget@6d06d69c}.
 */
public final class ValueText {
  private ValueText() {}

  /** Longest text returned; longer text is cut and ends in "...". */
  static final int MAX = 40;

  /** The value's text, at most {@link #MAX} characters; null if its class has only Object's toString. */
  public static String of(Object v) {
    String s;
    if (v instanceof byte[] b) {
      s = "X'" + HexFormat.of().withUpperCase().formatHex(b, 0, Math.min(b.length, MAX / 2)) + "'";
    } else if (v != null && v.getClass().isArray()) {
      s = elements(v);
    } else if (v != null && !printable(v)) {
      return null;
    } else {
      s = String.valueOf(v);
    }
    return s.length() > MAX ? s.substring(0, MAX - 3) + "..." : s;
  }

  /** {@link #of}, or the value's class name where it has no text of its own. */
  public static String orClassName(Object v) {
    String s = of(v);
    return s != null ? s : "a " + v.getClass().getSimpleName();
  }

  private static String elements(Object array) {
    StringJoiner out = new StringJoiner(", ", "[", "]");
    int n = Array.getLength(array);
    for (int i = 0; i < n && out.length() <= MAX; i++) {
      out.add(orClassName(Array.get(array, i)));
    }
    return out.toString();
  }

  private static boolean printable(Object v) {
    try {
      return v.getClass().getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
