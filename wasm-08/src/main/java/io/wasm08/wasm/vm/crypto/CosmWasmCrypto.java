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
  /**
   * ECDSA secp256k1 over a 32-byte prehashed message; high-S accepted (normalised). Codes: 3 hash ≠
   * 32 bytes, 4 signature ≠ 64 bytes, 5 key not 33 bytes 02/03 or 65 bytes 04, 10 r or s outside
   * [1, n) or a key that is no curve point.
   */
  boolean secp256k1Verify(byte[] messageHash, byte[] signature, byte[] publicKey);

  /**
   * Recovers the 65-byte uncompressed public key; {@code recoveryParam} must be 0 or 1 (else code
   * 6, after the hash (3) and signature (4) checks). A high-S signature is normalised to low-S with
   * the parity of the recovery id flipped, as upstream; 10 when nothing can be recovered.
   */
  byte[] secp256k1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam);

  /** ECDSA secp256r1 (P-256) over a 32-byte prehashed message; high-S accepted; codes as k1. */
  boolean secp256r1Verify(byte[] messageHash, byte[] signature, byte[] publicKey);

  /**
   * Recovers the 65-byte uncompressed P-256 public key; {@code recoveryParam} 0..3 (2 and 3 take x
   * = r + n), else code 6. Unlike secp256k1 the signature is used as given (no normalisation).
   */
  byte[] secp256r1RecoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam);

  /**
   * Ed25519 with ZIP-215 validation rules (as ed25519-zebra 4.0.3). Codes: 4 signature ≠ 64 bytes,
   * 5 key ≠ 32 bytes; every other failure is {@code false}.
   */
  boolean ed25519Verify(byte[] message, byte[] signature, byte[] publicKey);

  /**
   * Batch Ed25519 (ZIP-215); shapes n/n/n, 1 message with n signatures and keys, or 1 key with n
   * messages and signatures; otherwise {@link CryptoErrorCode#BATCH_ERR}. Empty batch is valid.
   * Deterministic, with the verdict of ed25519-zebra's randomised batch check.
   */
  boolean ed25519BatchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> publicKeys);

  /**
   * Sum of concatenated compressed G1 points (48 bytes each) → compressed G1. Codes: 14 empty, 15
   * not a multiple of 48, 8 invalid point (flags, x ≥ p, off the curve, outside the subgroup).
   */
  byte[] bls12381AggregateG1(byte[] points);

  /** Sum of concatenated compressed G2 points (96 bytes each) → compressed G2. */
  byte[] bls12381AggregateG2(byte[] points);

  /**
   * Whether e(p1, q1) · … · e(pn, qn) == e(r, s); ps 48·n bytes, qs 96·n bytes. Codes: 11, 12, 13
   * (in that order), 8 for an invalid point or an r/s of the wrong length.
   */
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
