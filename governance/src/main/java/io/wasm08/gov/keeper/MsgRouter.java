package io.wasm08.gov.keeper;

import com.google.protobuf.Message;
import java.util.Optional;

/**
 * The node's type-URL Msg router as governance uses it — baseapp's {@code MsgServiceRouter}: at
 * submit time a proposal's messages must be routable and pass their {@code ValidateBasic}; a passed
 * proposal's messages run through the same handlers, in a branch of the block's state.
 *
 * <p>A seam until ibc-core's Msg router lands (client-02, wasm-08 and gov register their handlers
 * there); the shape is what that router offers.
 */
public interface MsgRouter {
  /** The handler registered for {@code typeUrl} ({@code "/" + full name}), if any. */
  Optional<Handler> handler(String typeUrl);

  /**
   * {@code sdk.HasValidateBasic}: runs the message type's stateless checks, if it has any; throws
   * the type's error otherwise.
   */
  void validateBasic(Message msg);

  /** Runs one decoded message in {@code ctx}; returns its response; throws on failure. */
  @FunctionalInterface
  interface Handler {
    Message handle(GovContext ctx, Message msg);
  }
}
