package io.wasm08.client;

import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientIdentifiers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ibc-go's 02-client {@code Router}: light-client modules by client type. Routes are added while
 * wiring the application; a duplicate or invalid client type is a wiring error.
 */
public final class ClientRouter {
  private final Map<String, LightClientModule> routes = new LinkedHashMap<>();

  /**
   * {@code AddRoute}: registers {@code module} for {@code clientType}. Throws {@link
   * IllegalStateException} for a type already routed and {@link IllegalArgumentException} for a
   * type that fails {@code ValidateClientType}, where ibc-go panics.
   */
  public synchronized ClientRouter addRoute(String clientType, LightClientModule module) {
    java.util.Objects.requireNonNull(module, "module");
    if (routes.containsKey(clientType)) {
      throw new IllegalStateException("route " + clientType + " has already been registered");
    }
    try {
      ClientIdentifiers.validateClientType(clientType);
    } catch (IbcException e) {
      throw new IllegalArgumentException("failed to add route: " + e.getMessage(), e);
    }
    routes.put(clientType, module);
    return this;
  }

  public synchronized boolean hasRoute(String clientType) {
    return routes.containsKey(clientType);
  }

  public synchronized Optional<LightClientModule> getRoute(String clientType) {
    return Optional.ofNullable(routes.get(clientType));
  }
}
