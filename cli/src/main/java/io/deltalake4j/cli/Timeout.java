package io.deltalake4j.cli;

import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout SECONDS}: its value, and the hint added to an error that ran out of it. */
final class Timeout {
  private Timeout() {}

  /**
   * " Gave up after the --timeout of N s; ..." when a socket timed out somewhere in the failure's
   * causes (a metastore or NameNode that did not answer), else "".
   */
  static String hint(Throwable failure, Duration timeout) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return " Gave up after the --timeout of " + seconds(timeout) + " s; if the server is just slow, raise it, e.g. "
            + "--timeout " + Math.max(120, timeout.toSeconds() * 4) + ".";
      }
    }
    return "";
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** Seconds, whole or decimal, more than 0: {@code 30}, {@code 2.5}. */
  static final class Converter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      BigDecimal seconds;
      try {
        seconds = new BigDecimal(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number of seconds. Give e.g. 30 or 2.5.");
      }
      if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
        throw new TypeConversionException("'" + value + "' is out of range. Give more than 0 and at most 86400 seconds.");
      }
      long millis = seconds.movePointRight(3).longValue();
      return Duration.ofMillis(Math.max(1, millis));
    }
  }
}
