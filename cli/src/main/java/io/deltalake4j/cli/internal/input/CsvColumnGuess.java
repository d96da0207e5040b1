package io.deltalake4j.cli.internal.input;

import io.deltalake4j.cli.internal.Temporals;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.PrimitiveType;
import java.time.format.DateTimeParseException;

/**
 * The type of one CSV column, from its sampled values: long if every non-empty value is a whole
 * number in the long range, else double if every one is a number, else boolean ({@code true} or
 * {@code false}), else date ({@code YYYY-MM-DD}), else timestamp (an ISO instant, or {@code
 * YYYY-MM-DD HH:MM:SS[.f]} in UTC, or a date), else string. A column with no value is string.
 */
final class CsvColumnGuess {

  private boolean seen;
  private boolean whole = true;
  private boolean number = true;
  private boolean bool = true;
  private boolean date = true;
  private boolean timestamp = true;

  void observe(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return;
    }
    seen = true;
    whole = whole && TextValues.WHOLE.matcher(t).matches() && fitsLong(t);
    number = number && TextValues.NUMBER.matcher(t).matches();
    bool = bool && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"));
    date = date && parses(() -> Temporals.date(t));
    timestamp = timestamp && parses(() -> Temporals.timestamp(t));
  }

  private static boolean fitsLong(String t) {
    try {
      Long.parseLong(t);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  DataType type() {
    if (!seen) {
      return PrimitiveType.STRING;
    }
    if (whole) {
      return PrimitiveType.LONG;
    }
    if (number) {
      return PrimitiveType.DOUBLE;
    }
    if (bool) {
      return PrimitiveType.BOOLEAN;
    }
    if (date) {
      return PrimitiveType.DATE;
    }
    return timestamp ? PrimitiveType.TIMESTAMP : PrimitiveType.STRING;
  }
}
