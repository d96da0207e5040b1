package io.deltalake4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs an example's main and returns what it printed; reads back the tables it printed. */
final class StdOut {
  private StdOut() {}

  /** Like {@link Runnable}, for mains that declare checked exceptions. */
  interface Main {
    void run() throws Exception;
  }

  static String of(Main main) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } catch (Exception e) {
      throw new AssertionError("The example failed: " + e, e);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The cells of the first table printed under the heading that starts with {@code heading}, header
   * row first (see {@link #tableAt}).
   */
  static List<List<String>> table(String text, String heading) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("== " + heading)) {
        return tableAt(lines, i + 1);
      }
    }
    throw new AssertionError("No heading '" + heading + "' in:\n" + text);
  }

  /** The cells of the first table whose header's first cell is {@code firstHeader}, header row first. */
  static List<List<String>> tableHeaded(String text, String firstHeader) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!cells(lines.get(i)).isEmpty() && cells(lines.get(i)).get(0).equals(firstHeader)) {
        return tableAt(lines, i);
      }
    }
    throw new AssertionError("No table headed '" + firstHeader + "' in:\n" + text);
  }

  /**
   * The table whose header is line {@code at}: the header's cells (two or more spaces apart), then
   * those of the lines after its rule of dashes, up to the first line with another cell count.
   */
  private static List<List<String>> tableAt(List<String> lines, int at) {
    if (at + 1 >= lines.size() || !lines.get(at + 1).startsWith("-")) {
      throw new AssertionError("No table at line " + at + ": " + String.join("\n", lines));
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> header = cells(lines.get(at));
    rows.add(header);
    for (int i = at + 2; i < lines.size(); i++) {
      List<String> cells = cells(lines.get(i));
      if (cells.size() != header.size()) {
        break;
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    return line.isBlank() ? List.of() : Arrays.asList(line.strip().split(" {2,}"));
  }
}
