package io.deltalake4j.cli.internal.input;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records per RFC 4180, one at a time: fields separated by commas, records by CRLF or
 * LF, a field in double quotes may hold commas, line breaks and doubled quotes. Lines that are
 * entirely empty are skipped; a byte order mark at the start is dropped. A quote inside an unquoted
 * field is kept as a character. Not thread-safe; the caller closes the reader.
 */
final class CsvParser {

  /** A field's text, and whether it was quoted (so {@code ""} and an empty field stay apart). */
  record Field(String text, boolean quoted) {}

  private final Reader in;
  private final String name;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int length;
  private long line = 1;
  private long recordLine;
  private final StringBuilder text = new StringBuilder();

  /** @param name the file's name, for error messages */
  CsvParser(Reader in, String name) {
    this.in = in;
    this.name = name;
    if (peek() == '\uFEFF') {
      read();
    }
  }

  /** The line on which the last record returned starts (the first line is 1). */
  long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end of the input. */
  List<Field> next() {
    while (peek() == '\n' || peek() == '\r') {
      endOfLine();
    }
    if (peek() == -1) {
      return null;
    }
    recordLine = line;
    List<Field> fields = new ArrayList<>();
    while (true) {
      fields.add(peek() == '"' ? quoted(fields.size() + 1) : unquoted());
      int c = peek();
      if (c == ',') {
        read();
      } else {
        if (c != -1) {
          endOfLine();
        }
        return fields;
      }
    }
  }

  private Field unquoted() {
    text.setLength(0);
    for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != -1; c = peek()) {
      text.append((char) read());
    }
    return new Field(text.toString(), false);
  }

  private Field quoted(int column) {
    read();
    text.setLength(0);
    while (true) {
      int c = read();
      if (c == -1) {
        throw new InputException("Cannot read line " + recordLine + " of " + name
            + ": a quoted field is not closed before the end of the file. Close the quote, and double each quote inside it.");
      }
      if (c == '"') {
        if (peek() != '"') {
          break;
        }
        read();
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      text.append((char) c);
    }
    int after = peek();
    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
      throw new InputException("Cannot read line " + line + " of " + name + ": the quoted field in column " + column
          + " is followed by '" + (char) after + "'. Quote the whole field, and double each quote inside it.");
    }
    return new Field(text.toString(), true);
  }

  private void endOfLine() {
    if (read() == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() {
    int c = peek();
    if (c != -1) {
      position++;
    }
    return c;
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      position = 0;
      length = n;
      return true;
    } catch (IOException e) {
      throw Inputs.readFailure(name, line, e);
    }
  }
}
