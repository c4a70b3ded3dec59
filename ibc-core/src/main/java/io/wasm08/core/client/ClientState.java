package io.wasm08.core.client;

/**
 * {@code exported.ClientState}: what core IBC needs of a decoded client state — its type and a
 * stateless validity check. Light-client modules register their concrete types in the {@link
 * io.wasm08.core.codec.AnyCodec} under {@link ClientInterfaces#CLIENT_STATE}.
 */
public interface ClientState {
  String clientType();

  /** Throws an {@link io.wasm08.core.errors.IbcException} when the state is invalid. */
  void validate();
}
