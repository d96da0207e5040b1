package io.deltalake4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives storage tests both local disk and a real HDFS. Register with
 * {@code @ExtendWith(Storages.class)} and parameterize with {@code @MethodSource(
 * "io.deltalake4j.testing.Storages#both")}. The HDFS cluster and the local root are created once
 * per test JVM and closed by JUnit at the end of the run.
 */
public final class Storages implements BeforeAllCallback {

  private static volatile StorageUnderTest local;
  private static volatile StorageUnderTest hdfs;

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    LocalRoot localRoot = store.getOrComputeIfAbsent(LocalRoot.class, k -> new LocalRoot(), LocalRoot.class);
    EmbeddedHdfs cluster = store.getOrComputeIfAbsent(EmbeddedHdfs.class, k -> new EmbeddedHdfs(), EmbeddedHdfs.class);
    local = new StorageUnderTest("local", localRoot.dir.toUri().toString().replaceAll("/$", ""));
    hdfs = new StorageUnderTest("hdfs", cluster.uri() + "/lake");
  }

  public static Stream<StorageUnderTest> both() {
    return Stream.of(local(), hdfs());
  }

  public static StorageUnderTest local() {
    return require(local);
  }

  public static StorageUnderTest hdfs() {
    return require(hdfs);
  }

  private static StorageUnderTest require(StorageUnderTest s) {
    if (s == null) {
      throw new IllegalStateException("Register the Storages extension: @ExtendWith(Storages.class)");
    }
    return s;
  }

  /** The local directory under which local tables live; deleted at the end of the run. */
  private static final class LocalRoot implements ExtensionContext.Store.CloseableResource {
    final Path dir;

    LocalRoot() {
      try {
        dir = Files.createTempDirectory("deltalake4j-tests");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      TempFiles.deleteRecursively(dir);
    }
  }
}
