package io.wasm08.core.msg;

import com.google.protobuf.Message;
import java.util.Optional;

/**
 * The node's type-URL Msg router as modules see it — baseapp's {@code MsgServiceRouter}. The tx
 * pipeline dispatches each message through it; governance requires every message of a proposal to
 * pass its {@code ValidateBasic} and to have a route at submit time, and runs a passed proposal's
 * messages through the same routes.
 */
public interface MsgRouter {
  /** {@code Handler(msg) != nil}: the route registered for {@code typeUrl}, if any. */
  Optional<MsgRoute<?>> route(String typeUrl);

  /**
   * {@code sdk.HasValidateBasic}: runs the message type's stateless checks, if it has any; throws
   * the type's error otherwise.
   */
  void validateBasic(Message msg);
}
