package io.deltalake4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for counts given on the command line, with the range in the error. */
final class Counts {
  private Counts() {}

  /** 0 or more, e.g. {@code scan --limit}. */
  static final class NonNegative implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long n = parse(value);
      if (n < 0) {
        throw new TypeConversionException("'" + value + "' is negative. Use 0 or more.");
      }
      return n;
    }
  }

  /** 1 or more, up to the largest int, e.g. {@code history --limit}, {@code demo --rows}. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long n = parse(value);
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw new TypeConversionException("'" + value + "' is out of range. Use 1 to " + Integer.MAX_VALUE + ".");
      }
      return (int) n;
    }
  }

  private static long parse(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number.");
    }
  }
}
