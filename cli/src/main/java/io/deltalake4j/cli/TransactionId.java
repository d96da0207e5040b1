package io.deltalake4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --txn APP:VERSION}: an application id (it may hold colons) and a version of 0 or more. */
record TransactionId(String app, long version) {

  static final class Converter implements ITypeConverter<TransactionId> {
    @Override
    public TransactionId convert(String value) {
      int colon = value.lastIndexOf(':');
      String app = colon < 0 ? "" : value.substring(0, colon).strip();
      String version = colon < 0 ? "" : value.substring(colon + 1).strip();
      if (app.isEmpty() || !version.matches("\\d{1,18}")) {
        throw new TypeConversionException("'" + value + "' is not APP:VERSION. Give an application id and a "
            + "version of 0 or more, e.g. --txn nightly-load:42.");
      }
      return new TransactionId(app, Long.parseLong(version));
    }
  }
}
