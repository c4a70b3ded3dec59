package io.wasm08.core.client;

/** {@code exported.ConsensusState}: type, timestamp (ns since epoch) and a stateless check. */
public interface ConsensusState {
  String clientType();

  /** Nanoseconds since the Unix epoch, unsigned (08-wasm returns 0: core asks the contract). */
  long timestamp();

  /** Throws an {@link io.wasm08.core.errors.IbcException} when the state is invalid. */
  void validateBasic();
}
