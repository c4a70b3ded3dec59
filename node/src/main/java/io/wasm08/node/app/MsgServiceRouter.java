package io.wasm08.node.app;

import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.msg.MsgRoute;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * baseapp's {@code MsgServiceRouter}: the modules' {@link MsgRoute}s keyed by type URL, each with
 * its module's stateless {@code ValidateBasic}. Filled once while the node wires its modules, then
 * read-only; both the transaction pipeline and governance's proposal execution dispatch through it.
 */
public final class MsgServiceRouter implements io.wasm08.core.msg.MsgRouter {
  private record Entry(MsgRoute<?> route, Consumer<Message> validateBasic) {}

  private final Map<String, Entry> routes = new LinkedHashMap<>();
  private volatile boolean sealed;

  /** Registers a route; a type URL registered twice is a wiring bug. */
  public void register(MsgRoute<?> route, Consumer<Message> validateBasic) {
    if (sealed) {
      throw new IllegalStateException("the router is sealed");
    }
    if (routes.putIfAbsent(route.typeUrl(), new Entry(route, validateBasic)) != null) {
      throw new IllegalStateException("type URL " + route.typeUrl() + " already has a handler");
    }
  }

  public void seal() {
    sealed = true;
  }

  @Override
  public Optional<MsgRoute<?>> route(String typeUrl) {
    return Optional.ofNullable(routes.get(typeUrl)).map(Entry::route);
  }

  public Optional<MsgRoute<?>> route(Message msg) {
    return route(AnyCodec.typeUrl(msg));
  }

  /** {@code sdk.HasValidateBasic}: the message's stateless checks (throws its error). */
  @Override
  public void validateBasic(Message msg) {
    Entry e = routes.get(AnyCodec.typeUrl(msg));
    if (e != null) {
      e.validateBasic().accept(msg);
    }
  }

  /** Runs a decoded message through its handler. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Message handle(io.wasm08.core.context.BlockContext ctx, Message msg) {
    MsgRoute route =
        route(msg)
            .orElseThrow(() -> new IllegalStateException("no route for " + AnyCodec.typeUrl(msg)));
    return route.handler().handle(ctx, msg);
  }

  public Set<String> typeUrls() {
    return Collections.unmodifiableSet(routes.keySet());
  }
}
