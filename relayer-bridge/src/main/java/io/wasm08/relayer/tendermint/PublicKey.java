package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import java.util.Arrays;

/**
 * A validator's consensus key, the {@code tendermint.crypto.PublicKey} oneof. The JSON type names
 * are CometBFT's amino names ({@code tendermint/PubKeyEd25519}…).
 */
public sealed interface PublicKey {
  int ADDRESS_SIZE = 20;

  Bytes bytes();

  /** The amino JSON type name the RPC uses in {@code pub_key.type}. */
  String typeName();

  /** The 20-byte validator address CometBFT derives from this key. */
  Bytes address();

  /** Parses an RPC {@code pub_key} ({@code type}, raw key bytes); throws on unknown types. */
  static PublicKey of(String typeName, Bytes key) {
    return switch (typeName) {
      case Ed25519.TYPE_NAME -> new Ed25519(key);
      case Secp256k1.TYPE_NAME -> new Secp256k1(key);
      case Bls12381.TYPE_NAME -> new Bls12381(key);
      default -> throw new IllegalArgumentException("unsupported public key type " + typeName);
    };
  }

  /** Ed25519: 32 bytes; address = SHA256(key)[:20]. */
  record Ed25519(Bytes bytes) implements PublicKey {
    public static final String TYPE_NAME = "tendermint/PubKeyEd25519";
    public static final int SIZE = 32;

    public Ed25519 {
      requireSize(bytes, SIZE, "ed25519");
    }

    @Override
    public String typeName() {
      return TYPE_NAME;
    }

    @Override
    public Bytes address() {
      return truncatedSha256(bytes);
    }
  }

  /** secp256k1: 33-byte compressed point; address = RIPEMD160(SHA256(key)). */
  record Secp256k1(Bytes bytes) implements PublicKey {
    public static final String TYPE_NAME = "tendermint/PubKeySecp256k1";
    public static final int SIZE = 33;

    public Secp256k1 {
      requireSize(bytes, SIZE, "secp256k1");
    }

    @Override
    public String typeName() {
      return TYPE_NAME;
    }

    @Override
    public Bytes address() {
      return Hashes.ripemd160(Hashes.sha256(bytes));
    }
  }

  /** BLS12-381 (CometBFT v1.x): 48-byte compressed G1 point; address = SHA256(key)[:20]. */
  record Bls12381(Bytes bytes) implements PublicKey {
    public static final String TYPE_NAME = "cometbft/PubKeyBls12_381";
    public static final int SIZE = 48;

    public Bls12381 {
      requireSize(bytes, SIZE, "bls12-381");
    }

    @Override
    public String typeName() {
      return TYPE_NAME;
    }

    @Override
    public Bytes address() {
      return truncatedSha256(bytes);
    }
  }

  private static void requireSize(Bytes key, int size, String type) {
    if (key.size() != size) {
      throw new IllegalArgumentException(
          type + " public key must be " + size + " bytes, got " + key.size());
    }
  }

  private static Bytes truncatedSha256(Bytes key) {
    return Bytes.wrapOwned(Arrays.copyOf(Sha256.digest(key.toByteArray()), ADDRESS_SIZE));
  }
}
