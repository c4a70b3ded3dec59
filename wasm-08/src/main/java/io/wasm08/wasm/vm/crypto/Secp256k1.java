package io.wasm08.wasm.vm.crypto;

/**
 * cosmwasm-crypto's secp256k1 functions (k256): verification of a 32-byte prehash accepting both
 * low- and high-S signatures, and public-key recovery for recovery ids 0 and 1 returning the
 * 65-byte uncompressed key.
 */
public final class Secp256k1 {
  private static final Ecdsa ECDSA = Ecdsa.secp256k1();

  private Secp256k1() {}

  /**
   * Verifies {@code signature} ({@code r ‖ s}, 64 bytes) over {@code messageHash} (32 bytes) with
   * {@code publicKey} (33 bytes 02/03 or 65 bytes 04). Format errors raise codes 3/4/5; scalars
   * outside [1, n) or a key off the curve raise 10; a wrong signature returns {@code false}.
   */
  public static boolean verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    return ECDSA.verify(messageHash, signature, publicKey);
  }

  /**
   * Recovers the signer's 65-byte uncompressed public key. A high-S signature is normalised to
   * low-S with the recovery id's parity flipped, as upstream does (the recovered key is the one the
   * original signature verifies with). Codes: 3 hash, 4 signature, 6 id ∉ {0, 1}, 10 invalid.
   */
  public static byte[] recoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    return ECDSA.recoverPubkey(messageHash, signature, recoveryParam);
  }
}
