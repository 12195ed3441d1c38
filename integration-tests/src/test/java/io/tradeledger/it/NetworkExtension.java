package io.tradeledger.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration test classes the running {@link FabricNetwork}. The first class that needs it
 * brings the network up; it is kept in the root context's store, so every later class of the run
 * shares it and JUnit stops it when the whole run ends, whether tests passed or not.
 *
 * <p>Without Fabric 3.1.5 on the machine every class is skipped (a JUnit assumption), and the
 * reason is logged once. Any other failure of {@code network.sh up} fails every class with the
 * script's output.
 *
 * <pre>{@code
 * @ExtendWith(NetworkExtension.class)
 * final class SomeIT {
 *   @BeforeAll
 *   static void connect(FabricNetwork network) { ... }
 * }
 * }</pre>
 */
public final class NetworkExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NetworkExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    FabricNetwork network = network(context);
    switch (network.state()) {
      case RUNNING -> {}
      case FABRIC_MISSING -> Assumptions.abort(network.problem().orElseThrow());
      case FAILED ->
          throw new AssertionError(
              "the Fabric network did not come up: " + network.problem().orElseThrow());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FabricNetwork.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return network(context);
  }

  private static FabricNetwork network(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            FabricNetwork.class,
            key -> FabricNetwork.start(NetworkSettings.fromSystemProperties()),
            FabricNetwork.class);
  }
}
