/** The exceptions deltalake4j throws; all extend {@link io.deltalake4j.exceptions.DeltaException}. */
package io.deltalake4j.exceptions;
