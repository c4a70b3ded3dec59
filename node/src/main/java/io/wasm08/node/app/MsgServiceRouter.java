package io.wasm08.node.app;

import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * baseapp's {@code MsgServiceRouter}: Msg handlers keyed by type URL. Filled once while the node
 * wires its modules, then read-only; both the transaction pipeline and governance's proposal
 * execution dispatch through it.
 */
public final class MsgServiceRouter {
  private final Map<String, MsgRoute> routes = new LinkedHashMap<>();
  private volatile boolean sealed;

  /** Registers a route; a type URL registered twice is a wiring bug. */
  public void register(MsgRoute route) {
    if (sealed) {
      throw new IllegalStateException("the router is sealed");
    }
    if (routes.putIfAbsent(route.typeUrl(), route) != null) {
      throw new IllegalStateException("type URL " + route.typeUrl() + " already has a handler");
    }
  }

  public void seal() {
    sealed = true;
  }

  public Optional<MsgRoute> route(String typeUrl) {
    return Optional.ofNullable(routes.get(typeUrl));
  }

  public Optional<MsgRoute> route(Message msg) {
    return route(AnyCodec.typeUrl(msg));
  }

  public Set<String> typeUrls() {
    return Collections.unmodifiableSet(routes.keySet());
  }
}
