package io.deltalake4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are this module's code, word for word: what the README shows is what
 * the tests compile and run.
 */
class TestReadmeSnippets {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "deltalake4j", "examples");

  @Test
  void theQuickStartIsQuickStartJava() throws IOException {
    assertThat(readmeBlockAfter("QuickStart.java")).isEqualTo(marked("QuickStart.java", "quick start"));
  }

  @Test
  void theWritesAreWritesJava() throws IOException {
    assertThat(readmeBlockAfter("Writes.java")).isEqualTo(marked("Writes.java", "writes"));
  }

  /** The first ```java block after the README line that links {@code file}, without its fences. */
  private static List<String> readmeBlockAfter(String file) throws IOException {
    List<String> lines = Files.readAllLines(README);
    int i = 0;
    while (i < lines.size() && !(lines.get(i).contains(file) && lines.get(i).startsWith("From ["))) {
      i++;
    }
    while (i < lines.size() && !lines.get(i).equals("```java")) {
      i++;
    }
    List<String> block = new ArrayList<>();
    for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
      block.add(lines.get(i));
    }
    assertThat(block).as("a java block after the README's link to %s", file).isNotEmpty();
    return block;
  }

  /** The lines between {@code // --- name ---} and {@code // --- end name ---}, dedented. */
  private static List<String> marked(String file, String name) throws IOException {
    List<String> lines = Files.readAllLines(SOURCES.resolve(file));
    int from = lines.indexOf(indentOf(lines, "// --- " + name + " ---") + "// --- " + name + " ---") + 1;
    int to = lines.indexOf(indentOf(lines, "// --- end " + name + " ---") + "// --- end " + name + " ---");
    assertThat(from).as("start marker in %s", file).isPositive();
    assertThat(to).as("end marker in %s", file).isGreaterThan(from);
    int indent = indentOf(lines, "// --- " + name + " ---").length();
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(from, to)) {
      out.add(line.length() >= indent ? line.substring(indent) : line.strip());
    }
    return out;
  }

  private static String indentOf(List<String> lines, String marker) {
    for (String line : lines) {
      if (line.strip().equals(marker)) {
        return line.substring(0, line.indexOf(marker));
      }
    }
    return "";
  }
}
