package io.wasm08.core.msg;

import java.util.Optional;

/**
 * The node's type-URL Msg router as modules see it — baseapp's {@code MsgServiceRouter}: the tx
 * pipeline dispatches each message through it, and governance requires a proposal's messages to
 * have a route at submit time and runs a passed proposal's messages through the same routes.
 */
@FunctionalInterface
public interface MsgRouter {
  /** {@code Handler(msg) != nil}: the route registered for {@code typeUrl}, if any. */
  Optional<MsgRoute<?>> route(String typeUrl);
}
