package io.wasm08.wasm.querier;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import java.util.Optional;

/**
 * The application's gRPC query routes by full method path ({@code baseapp.GRPCQueryRouter}), as the
 * Stargate querier reaches them.
 */
@FunctionalInterface
public interface QueryRouter {
  Optional<Route> route(String path);

  /** One route: the protobuf request → the protobuf response ({@code null} for a nil value). */
  @FunctionalInterface
  interface Route {
    Bytes handle(BlockContext ctx, Bytes request);
  }

  /** A router with no routes. */
  QueryRouter EMPTY = path -> Optional.empty();
}
