package io.wasm08.node.keys;

import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import java.util.Objects;

/**
 * The public part of a keyring entry: its name, secp256k1 public key and the BIP-44 path it was
 * derived at. Addresses depend on the chain's bech32 prefix and are computed on demand.
 */
public record KeyInfo(String name, Secp256k1PublicKey publicKey, String hdPath) {
  public KeyInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(hdPath, "hdPath");
  }

  public AccAddress address() {
    return publicKey.address();
  }

  public String address(String bech32Prefix) {
    return address().toBech32(bech32Prefix);
  }
}
