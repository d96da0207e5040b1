package io.deltalake4j.cli;

import io.deltalake4j.cli.internal.input.InputException;
import io.deltalake4j.exceptions.DeltaException;
import io.deltalake4j.exceptions.InvalidFilterException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on stderr, {@code deltalake4j: <message>}, and an exit code: 2 for
 * usage errors, 1 for everything else. With {@code --verbose}, the stack trace follows the line.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final String PREFIX = "deltalake4j: ";

  /** Failures of the library, storage, input files and arguments it rejected; their messages say it all. */
  private static final List<Class<? extends Exception>> EXPECTED = List.of(DeltaException.class, InputException.class,
      IllegalArgumentException.class, IllegalStateException.class, UncheckedIOException.class);

  private final BooleanSupplier verbose;
  private final Supplier<Duration> timeout;

  ErrorReporter(BooleanSupplier verbose, Supplier<Duration> timeout) {
    this.verbose = verbose;
    this.timeout = timeout;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getOut().flush();
    PrintWriter err = cmd.getErr();
    String message = sentence(ex.getMessage().replaceFirst("^Error: ", ""));
    if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += " Did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    err.println(PREFIX + message + " See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    cmd.getOut().flush();
    PrintWriter err = cmd.getErr();
    err.println(PREFIX + oneLine(ex));
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  /**
   * The exception's message on one line. A filter parse error keeps its first line (the position
   * and reason; the lines after draw a caret under the text). Unexpected exceptions are named, with
   * a hint to get the stack trace.
   */
  String oneLine(Exception ex) {
    String message = ex.getMessage() == null ? "" : ex.getMessage().strip();
    if (ex instanceof InvalidFilterException && message.contains("\n")) {
      return message.substring(0, message.indexOf('\n')).strip();
    }
    message = message.replaceAll("\\s*\\R\\s*", " ");
    if (EXPECTED.stream().anyMatch(c -> c.isInstance(ex)) && !message.isEmpty()) {
      return message + Timeout.hint(ex, timeout.get());
    }
    String hint = verbose.getAsBoolean() ? "" : " (run with --verbose for the stack trace)";
    return "unexpected error: " + ex.getClass().getName() + (message.isEmpty() ? "" : ": " + message)
        + Timeout.hint(ex, timeout.get()) + hint;
  }

  /** Ends the text with a full stop unless it ends with punctuation already. */
  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }
}
