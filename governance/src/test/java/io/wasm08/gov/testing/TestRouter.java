package io.wasm08.gov.testing;

import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.gov.keeper.GovContext;
import io.wasm08.gov.keeper.MsgRouter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** A type-URL router for tests: handlers and ValidateBasic hooks by message type. */
public final class TestRouter implements MsgRouter {
  private final Map<String, Handler> handlers = new HashMap<>();
  private final Map<String, Consumer<Message>> validators = new HashMap<>();

  @SuppressWarnings("unchecked")
  public <M extends Message> TestRouter route(
      M prototype, BiFunction<GovContext, M, ? extends Message> handler) {
    handlers.put(AnyCodec.typeUrl(prototype), (ctx, msg) -> handler.apply(ctx, (M) msg));
    return this;
  }

  @SuppressWarnings("unchecked")
  public <M extends Message> TestRouter validateBasic(M prototype, Consumer<M> check) {
    validators.put(AnyCodec.typeUrl(prototype), msg -> check.accept((M) msg));
    return this;
  }

  public void unroute(String typeUrl) {
    handlers.remove(typeUrl);
  }

  @Override
  public Optional<Handler> handler(String typeUrl) {
    return Optional.ofNullable(handlers.get(typeUrl));
  }

  @Override
  public void validateBasic(Message msg) {
    Consumer<Message> check = validators.get(AnyCodec.typeUrl(msg));
    if (check != null) {
      check.accept(msg);
    }
  }
}
