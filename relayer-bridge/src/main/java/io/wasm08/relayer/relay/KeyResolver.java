package io.wasm08.relayer.relay;

import io.wasm08.core.crypto.Secp256k1PrivateKey;

/**
 * Resolves a key named in the configuration's {@code key.keyring} — the host owns the keyring (the
 * {@code wasm08} CLI passes its encrypted file keyring); the relayer only ever sees the key.
 */
@FunctionalInterface
public interface KeyResolver {
  KeyResolver NONE =
      name -> {
        throw io.wasm08.relayer.RelayerErrorCode.INVALID_CONFIG.wrap(
            "key.keyring " + name + " given, but this host has no keyring");
      };

  Secp256k1PrivateKey resolve(String name);
}
