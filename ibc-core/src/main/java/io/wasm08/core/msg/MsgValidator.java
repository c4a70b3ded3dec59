package io.wasm08.core.msg;

import com.google.protobuf.Message;

/**
 * A Msg type's stateless checks — the SDK's {@code sdk.HasValidateBasic}: run by the Msg router
 * before the handler, and by governance on a proposal's messages at submit time.
 */
@FunctionalInterface
public interface MsgValidator<M extends Message> {
  /** Throws the type's error when {@code msg} is malformed. */
  void validateBasic(M msg);

  /** For types without a ValidateBasic. */
  static <M extends Message> MsgValidator<M> none() {
    return msg -> {};
  }
}
