package io.wasm08.wasm.vm.crypto;

/**
 * cosmwasm-crypto's secp256r1 (P-256) functions (p256): verification of a 32-byte prehash accepting
 * both low- and high-S signatures, and public-key recovery for recovery ids 0..3 (2 and 3 select x
 * = r + n) returning the 65-byte uncompressed key.
 */
public final class Secp256r1 {
  private static final Ecdsa ECDSA = Ecdsa.secp256r1();

  private Secp256r1() {}

  /** As {@link Secp256k1#verify} on P-256. */
  public static boolean verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    return ECDSA.verify(messageHash, signature, publicKey);
  }

  /**
   * Recovers the 65-byte uncompressed public key; {@code recoveryParam} in 0..3 (bit 0 the nonce
   * point's y-parity, bit 1 whether its x is r + n), else code 6. Unlike secp256k1 the signature is
   * not normalised first (p256 recovers with high-S as given). Codes: 3, 4, 6, 10.
   */
  public static byte[] recoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    return ECDSA.recoverPubkey(messageHash, signature, recoveryParam);
  }
}
