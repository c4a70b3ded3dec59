package io.wasm08.node.app;

import com.google.protobuf.Message;
import io.wasm08.core.codec.AnyCodec;
import java.util.Objects;

/**
 * A Msg type and its handler, as a module contributes it to the node's {@link MsgServiceRouter}.
 * {@code validateBasic} is the type's stateless check ({@code sdk.HasValidateBasic}), run when a
 * transaction (or a proposal) carrying the message is admitted.
 */
public record MsgRoute(
    Message prototype, MsgRoute.Handler handler, MsgRoute.Validator validateBasic) {
  /** Runs one decoded message; returns its response; throws on failure. */
  @FunctionalInterface
  public interface Handler {
    Message handle(ExecContext ctx, Message msg);
  }

  /** Stateless checks of a message; throws the type's error. */
  @FunctionalInterface
  public interface Validator {
    void validate(Message msg);

    Validator NONE = msg -> {};
  }

  public MsgRoute {
    Objects.requireNonNull(prototype, "prototype");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(validateBasic, "validateBasic");
  }

  public static MsgRoute of(Message prototype, Handler handler) {
    return new MsgRoute(prototype, handler, Validator.NONE);
  }

  public String typeUrl() {
    return AnyCodec.typeUrl(prototype);
  }
}
