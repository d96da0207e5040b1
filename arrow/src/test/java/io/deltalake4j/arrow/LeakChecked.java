package io.deltalake4j.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test whose every method gets a fresh allocator, closed after it: anything left allocated fails the test. */
abstract class LeakChecked {

  protected BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeFailingOnLeaks() {
    allocator.close(); // throws if anything the test or a reader allocated is still held
  }
}
