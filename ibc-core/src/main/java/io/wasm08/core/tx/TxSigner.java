package io.wasm08.core.tx;

import io.wasm08.core.crypto.Secp256k1PrivateKey;
import java.util.Objects;

/** One signer of a transaction: its key, account number and current sequence. */
public record TxSigner(Secp256k1PrivateKey key, long accountNumber, long sequence) {
  public TxSigner {
    Objects.requireNonNull(key, "key");
  }
}
