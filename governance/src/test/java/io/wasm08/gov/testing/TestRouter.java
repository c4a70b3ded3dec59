package io.wasm08.gov.testing;

import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.core.msg.MsgRouter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A type-URL Msg router for these tests: routes and each type's ValidateBasic. */
public final class TestRouter implements MsgRouter {
  private final Map<String, MsgRoute<?>> routes = new HashMap<>();
  private final Map<String, Consumer<Message>> validators = new HashMap<>();

  public TestRouter register(MsgRoute<?> route) {
    if (routes.putIfAbsent(route.typeUrl(), route) != null) {
      throw new IllegalStateException(route.typeUrl() + " already has a route");
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  public <M extends Message> TestRouter register(MsgRoute<M> route, Consumer<M> validateBasic) {
    register(route);
    validators.put(route.typeUrl(), msg -> validateBasic.accept((M) msg));
    return this;
  }

  @Override
  public Optional<MsgRoute<?>> route(String typeUrl) {
    return Optional.ofNullable(routes.get(typeUrl));
  }

  @Override
  public void validateBasic(Message msg) {
    Consumer<Message> check = validators.get(AnyCodec.typeUrl(msg));
    if (check != null) {
      check.accept(msg);
    }
  }
}
