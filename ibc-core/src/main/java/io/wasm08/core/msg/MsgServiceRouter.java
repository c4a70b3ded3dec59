package io.wasm08.core.msg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link MsgRouter} a node builds at start-up from the modules' routes. A type URL can be
 * registered once (upstream refuses a second registration the same way). Registration happens
 * before the node serves; routing is read-only afterwards.
 */
public final class MsgServiceRouter implements MsgRouter {
  private final Map<String, MsgRoute<?>> routes = new LinkedHashMap<>();

  public synchronized MsgServiceRouter register(MsgRoute<?> route) {
    if (routes.putIfAbsent(route.typeUrl(), route) != null) {
      throw new IllegalStateException(
          "msg service " + route.typeUrl() + " has already been registered");
    }
    return this;
  }

  public MsgServiceRouter registerAll(List<? extends MsgRoute<?>> more) {
    more.forEach(this::register);
    return this;
  }

  @Override
  public synchronized Optional<MsgRoute<?>> route(String typeUrl) {
    return Optional.ofNullable(routes.get(typeUrl));
  }

  /** The registered type URLs, in registration order. */
  public synchronized List<String> typeUrls() {
    return List.copyOf(routes.keySet());
  }
}
