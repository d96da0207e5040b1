package io.deltalake4j.cli.internal.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Opening local input files as UTF-8 text, with errors that name the file. */
final class Inputs {
  private Inputs() {}

  static Path localFile(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new InputException("Cannot read input " + file + ": it is not a local path. Give the path of a local file.", e);
    }
    if (Files.isDirectory(path)) {
      throw new InputException("Cannot read input " + file + ": it is a directory. Give the path of one file.");
    }
    if (!Files.isRegularFile(path)) {
      throw new InputException("Cannot read input " + file + ": it does not exist. Check the path.");
    }
    return path;
  }

  /** The file as UTF-8 text; text that is not UTF-8 fails when read, not replaced. */
  static BufferedReader utf8(Path path, String name) {
    try {
      return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    } catch (IOException e) {
      throw readFailure(name, 0, e);
    }
  }

  /** @param line the line being read, or 0 when not known */
  static InputException readFailure(String name, long line, IOException e) {
    String at = line > 0 ? "line " + line + " of " + name : name;
    if (e instanceof CharacterCodingException) {
      return new InputException("Cannot read " + at + ": it is not UTF-8 text. Convert the file to UTF-8.", e);
    }
    return new InputException("Cannot read " + at + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // At the end of the input or after a failure already reported.
    }
  }
}
