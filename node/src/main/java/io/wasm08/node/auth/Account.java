package io.wasm08.node.auth;

import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account ({@code sdk.AccountI}): address, public key once known, account number and sequence;
 * module accounts also carry their name and permissions and never sign.
 */
public record Account(
    Bytes address,
    Secp256k1PublicKey pubKey,
    long accountNumber,
    long sequence,
    Optional<String> moduleName,
    List<String> permissions) {
  public Account {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(moduleName, "moduleName");
    permissions = List.copyOf(permissions);
  }

  public static Account base(
      Bytes address, Secp256k1PublicKey pubKey, long accountNumber, long sequence) {
    return new Account(address, pubKey, accountNumber, sequence, Optional.empty(), List.of());
  }

  public Account withPubKey(Secp256k1PublicKey key) {
    return new Account(address, key, accountNumber, sequence, moduleName, permissions);
  }

  public Account withSequence(long next) {
    return new Account(address, pubKey, accountNumber, next, moduleName, permissions);
  }
}
