package io.wasm08.wasm.vm.crypto;

import java.util.List;

/**
 * The cryptography behind the VM's crypto imports, with cosmwasm-crypto's semantics: input format
 * checks (lengths, encodings) raise {@link CryptoException} with the upstream error code; a
 * well-formed but wrong signature returns {@code false}. Implementations are pure functions of
 * their inputs (deterministic, no clock or randomness in the verdict). Gas is the caller's
 * business.
 */
public interface CosmWasmCrypto {
  /** ECDSA secp256k1 over a 32-byte prehashed message; high-S accepted (normalised). */
  boolean secp256k1Verify(byte[] messageHash, byte[] signature, byte[] publicKey);

  /** Recovers the 65-byte uncompressed public key; {@code recoveryParam} must be 0 or 1. */
  byte[] secp256k1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam);

  /** ECDSA secp256r1 (P-256) over a 32-byte prehashed message; high-S accepted. */
  boolean secp256r1Verify(byte[] messageHash, byte[] signature, byte[] publicKey);

  byte[] secp256r1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam);

  /** Ed25519 with ZIP-215 validation rules (as ed25519-zebra 4.0.3). */
  boolean ed25519Verify(byte[] message, byte[] signature, byte[] publicKey);

  /**
   * Batch Ed25519 (ZIP-215); shapes n/n/n, 1 message with n signatures and keys, or 1 key with n
   * messages and signatures; otherwise {@link CryptoErrorCode#BATCH_ERR}. Empty batch is valid.
   */
  boolean ed25519BatchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> publicKeys);

  /** Sum of concatenated compressed G1 points (48 bytes each) → compressed G1. */
  byte[] bls12381AggregateG1(byte[] points);

  /** Sum of concatenated compressed G2 points (96 bytes each) → compressed G2. */
  byte[] bls12381AggregateG2(byte[] points);

  /** Whether e(p1, q1) · … · e(pn, qn) == e(r, s); ps 48·n bytes, qs 96·n bytes. */
  boolean bls12381PairingEquality(byte[] ps, byte[] qs, byte[] r, byte[] s);

  /** RFC 9380 hash-to-curve (XMD:SHA-256, SSWU, random oracle) → compressed G1. */
  byte[] bls12381HashToG1(HashFunction hashFunction, byte[] message, byte[] dst);

  /** RFC 9380 hash-to-curve (XMD:SHA-256, SSWU, random oracle) → compressed G2. */
  byte[] bls12381HashToG2(HashFunction hashFunction, byte[] message, byte[] dst);

  /** cosmwasm-crypto's {@code HashFunction}; the import passes its discriminant. */
  enum HashFunction {
    SHA256;

    /** Maps the import's {@code hash_function} argument; unknown ⇒ code 9. */
    public static HashFunction fromCode(int code) {
      if (code == 0) {
        return SHA256;
      }
      throw new CryptoException(
          CryptoErrorCode.UNKNOWN_HASH_FUNCTION, "hash function " + code + " is not supported");
    }
  }
}
