package io.wasm08.wasm.vm.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Ed25519 verification with the ZIP-215 rules, as ed25519-zebra 4.0.3 implements them for
 * cosmwasm-crypto ({@code ed25519.rs}):
 *
 * <ul>
 *   <li>A (public key) and R must decode as curve points; non-canonical encodings (y ≥ p, x = 0
 *       with the sign bit set) are accepted, and so are small-order points;
 *   <li>s must be canonical: s &lt; ℓ, else the signature is invalid;
 *   <li>k = SHA-512(R_bytes ‖ A_bytes ‖ M) mod ℓ over the bytes as given (not re-encoded);
 *   <li>the cofactored equation [8][s]B = [8]R + [8][k]A decides.
 * </ul>
 *
 * Bouncy Castle's {@code Ed25519.verify} cannot be used: its equation is cofactored too, but its
 * decoding is RFC 8032-strict — it rejects R and A with y ≥ p, A of small order and x = 0 with the
 * sign bit set — so it rejects signatures that ZIP-215 and therefore CosmWasm accept (all 196 of
 * ZIP-215's test cases, for one). The equation is therefore evaluated on {@link Ed25519Point}.
 */
public final class Ed25519Zip215 {
  public static final int SIGNATURE_LEN = 64;
  public static final int PUBKEY_LEN = 32;

  private Ed25519Zip215() {}

  /**
   * Verifies one signature. Code 4 if the signature is not 64 bytes, code 5 if the key is not 32
   * bytes (checked in that order); any other failure (undecodable A or R, s ≥ ℓ, wrong equation)
   * returns {@code false}.
   */
  public static boolean verify(byte[] message, byte[] signature, byte[] publicKey) {
    checkSignature(signature);
    checkPubkey(publicKey);
    return verifyChecked(message, signature, publicKey);
  }

  /**
   * Batch verification with cosmwasm-crypto's shapes: n messages, signatures and keys; one message
   * signed by n keys; or one key signing n messages. Any other shape is code 7. Every signature
   * (then key) length is checked before anything is verified; an empty batch is valid.
   *
   * <p>ed25519-zebra decides a batch with one random linear combination of the cofactored
   * equations, 8·Σ zᵢ([sᵢ]B − Rᵢ − [kᵢ]Aᵢ) = 0 with 128-bit random zᵢ, after decoding every Aᵢ and
   * Rᵢ and requiring sᵢ &lt; ℓ. Checking each item's cofactored equation instead gives the same
   * verdict: decoding and s-range failures reject both ways; if every item holds, every term of the
   * sum is 0; if item j fails, its term [8](…) is a non-zero element of the order-ℓ subgroup, and
   * the combination vanishes only for zⱼ in a set of probability ≤ 2⁻¹²⁸ — the event in which zebra
   * itself answers at random. This implementation is deterministic.
   */
  public static boolean batchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> publicKeys) {
    int messageCount = messages.size();
    int signatureCount = signatures.size();
    int keyCount = publicKeys.size();
    boolean oneMessage;
    boolean oneKey;
    if (messageCount == signatureCount && messageCount == keyCount) {
      oneMessage = false;
      oneKey = false;
    } else if (messageCount == 1 && signatureCount == keyCount) {
      oneMessage = true;
      oneKey = false;
    } else if (keyCount == 1 && messageCount == signatureCount) {
      oneMessage = false;
      oneKey = true;
    } else {
      throw new CryptoException(
          CryptoErrorCode.BATCH_ERR,
          "Mismatched / erroneous number of messages / signatures / public keys");
    }
    for (int i = 0; i < signatureCount; i++) {
      checkSignature(signatures.get(i));
      checkPubkey(publicKeys.get(oneKey ? 0 : i));
    }
    for (int i = 0; i < signatureCount; i++) {
      byte[] message = messages.get(oneMessage ? 0 : i);
      byte[] publicKey = publicKeys.get(oneKey ? 0 : i);
      if (!verifyChecked(message, signatures.get(i), publicKey)) {
        return false;
      }
    }
    return true;
  }

  private static boolean verifyChecked(byte[] message, byte[] signature, byte[] publicKey) {
    Ed25519Point a = Ed25519Point.decompress(publicKey);
    if (a == null) {
      return false;
    }
    byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
    BigInteger s = Ed25519Point.decodeLittleEndian(Arrays.copyOfRange(signature, 32, 64));
    if (s.compareTo(Ed25519Point.L) >= 0) {
      return false;
    }
    Ed25519Point r = Ed25519Point.decompress(rBytes);
    if (r == null) {
      return false;
    }
    BigInteger k = challenge(rBytes, publicKey, message);
    // R' = [s]B − [k]A; valid iff [8](R − R') is the identity.
    Ed25519Point rPrime = Ed25519Point.doubleScalarMulBase(k, a.negate(), s);
    return r.add(rPrime.negate()).mulByCofactor().isIdentity();
  }

  /** k = SHA-512(R ‖ A ‖ M) as a little-endian integer mod ℓ. */
  private static BigInteger challenge(byte[] rBytes, byte[] publicKey, byte[] message) {
    SHA512Digest digest = new SHA512Digest();
    digest.update(rBytes, 0, rBytes.length);
    digest.update(publicKey, 0, publicKey.length);
    digest.update(message, 0, message.length);
    byte[] hash = new byte[64];
    digest.doFinal(hash, 0);
    return Ed25519Point.decodeLittleEndian(hash).mod(Ed25519Point.L);
  }

  private static void checkSignature(byte[] signature) {
    if (signature.length != SIGNATURE_LEN) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_SIGNATURE_FORMAT, "signature of " + signature.length + " bytes");
    }
  }

  private static void checkPubkey(byte[] publicKey) {
    if (publicKey.length != PUBKEY_LEN) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_PUBKEY_FORMAT, "public key of " + publicKey.length + " bytes");
    }
  }
}
