package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;

/**
 * Checks a validator's signature over sign bytes. Implementations are pure functions of their
 * inputs; a malformed signature or key is simply {@code false}.
 */
@FunctionalInterface
public interface SignatureVerifier {
  boolean verify(PublicKey key, Bytes message, Bytes signature);
}
