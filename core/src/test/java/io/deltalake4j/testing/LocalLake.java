package io.deltalake4j.testing;

import io.deltalake4j.DeltaLake;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods a {@code DeltaLake.local()} parameter: one lake per test class, closed when the
 * class is done. Register with {@code @ExtendWith(LocalLake.class)}; a lake on local defaults reaches
 * HDFS too through full {@code hdfs://} URIs.
 */
public final class LocalLake implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalLake.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DeltaLake.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Open.class, k -> new Open(DeltaLake.local()), Open.class).lake;
  }

  private record Open(DeltaLake lake) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      lake.close();
    }
  }
}
