package io.deltalake4j.cli.internal.input;

import io.deltalake4j.Row;
import io.deltalake4j.types.DataType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * CSV with a header row naming the columns ({@link CsvParser}). An empty field is null; a quoted
 * empty field ({@code ""}) is the empty string in a string column and no bytes in a binary one (as
 * {@code scan --format csv} writes them), null in any other. Every record must have as many fields
 * as the header.
 */
final class CsvInput implements Input {

  private final Path path;
  private final String name;

  CsvInput(Path path, String name) {
    this.path = path;
    this.name = name;
  }

  @Override
  public StructType inferSchema(int sampleRows) {
    try (Reading records = new Reading()) {
      List<CsvColumnGuess> guesses = new ArrayList<>();
      records.header.forEach(h -> guesses.add(new CsvColumnGuess()));
      for (int n = 0; n < sampleRows && records.hasNext(); n++) {
        List<CsvParser.Field> fields = records.next();
        for (int i = 0; i < fields.size(); i++) {
          guesses.get(i).observe(fields.get(i).text());
        }
      }
      StructType.Builder schema = StructType.builder();
      for (int i = 0; i < guesses.size(); i++) {
        schema.add(records.header.get(i), guesses.get(i).type());
      }
      return schema.build();
    }
  }

  @Override
  public RowSource open(StructType schema) {
    Reading records = new Reading();
    int[] target = new int[records.header.size()];
    for (int i = 0; i < target.length; i++) {
      target[i] = schema.indexOf(records.header.get(i));
      if (target[i] < 0) {
        records.close();
        throw Records.unknownColumn("the header of " + name, records.header.get(i), schema);
      }
    }
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        List<CsvParser.Field> fields = records.next();
        String where = "line " + records.parser.recordLine() + " of " + name;
        Object[] values = new Object[schema.size()];
        try {
          for (int i = 0; i < target.length; i++) {
            values[target[i]] = value(fields.get(i), schema.field(target[i]).type(), records.header.get(i));
          }
        } catch (BadValue bad) {
          throw Records.bad(where, bad);
        }
        return Records.row(schema, values, where);
      }

      @Override
      public void close() {
        records.close();
      }
    };
  }

  private static Object value(CsvParser.Field field, DataType type, String column) {
    if (field.text().isEmpty()) {
      boolean emptyValue = field.quoted() && (type == PrimitiveType.STRING || type == PrimitiveType.BINARY);
      return emptyValue ? TextValues.convert("", type, column) : null;
    }
    if (type != PrimitiveType.STRING && field.text().isBlank()) {
      return null;
    }
    return TextValues.convert(field.text(), type, column);
  }

  /** The header, then the records, each checked to have the header's number of fields. */
  private final class Reading implements AutoCloseable {
    private final BufferedReader reader = Inputs.utf8(path, name);
    private final CsvParser parser = new CsvParser(reader, name);
    private final List<String> header;
    private List<CsvParser.Field> next;

    Reading() {
      try {
        List<CsvParser.Field> first = parser.next();
        if (first == null) {
          throw new InputException("Cannot read " + name + ": it is empty. A CSV input starts with a header row naming the columns.");
        }
        header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvParser.Field f : first) {
          if (f.text().isEmpty()) {
            throw new InputException("Cannot read the header of " + name + ": column " + (header.size() + 1)
                + " has no name. Name every column in the first line.");
          }
          if (!seen.add(f.text())) {
            throw new InputException("Cannot read the header of " + name + ": column '" + f.text()
                + "' appears twice. Give each column one name.");
          }
          header.add(f.text());
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    boolean hasNext() {
      if (next == null) {
        next = parser.next();
        if (next != null && next.size() != header.size()) {
          throw new InputException("Cannot read line " + parser.recordLine() + " of " + name + ": it has "
              + next.size() + " fields, the header has " + header.size()
              + ". Give every record one field per column (quote fields that hold commas).");
        }
      }
      return next != null;
    }

    List<CsvParser.Field> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      List<CsvParser.Field> r = next;
      next = null;
      return r;
    }

    @Override
    public void close() {
      Inputs.closeQuietly(reader);
    }
  }
}
