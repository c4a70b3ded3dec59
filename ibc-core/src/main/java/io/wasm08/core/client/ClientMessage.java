package io.wasm08.core.client;

/** {@code exported.ClientMessage}: a header, a batch of headers or misbehaviour evidence. */
public interface ClientMessage {
  String clientType();

  /** Throws an {@link io.wasm08.core.errors.IbcException} when the message is invalid. */
  void validateBasic();
}
