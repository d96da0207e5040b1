package io.deltalake4j.exceptions;

/**
 * A row breaks a rule of the write it was given to, for example a row outside the predicate of an
 * overwrite with {@code where(...)}. Nothing was committed and no file written was kept.
 */
public class ConstraintViolationException extends DeltaException {

  public ConstraintViolationException(String message) {
    super(message);
  }
}
