package io.wasm08.wasm.vm.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA over a 256-bit prime-order curve with cosmwasm-crypto's input rules ({@code secp256k1.rs},
 * {@code secp256r1.rs}): a 32-byte prehash, a 64-byte {@code r ‖ s} signature, a SEC1 public key.
 * Curve arithmetic and verification are Bouncy Castle's; this class only reproduces the checks and
 * their order, high-S normalisation and public-key recovery, which BC does not offer.
 */
final class Ecdsa {
  static final int HASH_LEN = 32;
  static final int SIGNATURE_LEN = 64;
  static final int COMPRESSED_PUBKEY_LEN = 33;
  static final int UNCOMPRESSED_PUBKEY_LEN = 65;

  /** The text of RustCrypto's {@code ecdsa::Error}, which cosmwasm wraps into GenericErr. */
  private static final String SIGNATURE_ERROR = "signature error";

  private final ECDomainParameters domain;
  private final BigInteger n;
  private final BigInteger halfN;
  private final BigInteger p;
  private final int maxRecoveryParam;
  private final boolean normaliseBeforeRecovery;

  private Ecdsa(String curve, int maxRecoveryParam, boolean normaliseBeforeRecovery) {
    X9ECParameters params = CustomNamedCurves.getByName(curve);
    this.domain =
        new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH());
    this.n = params.getN();
    this.halfN = n.shiftRight(1);
    this.p = params.getCurve().getField().getCharacteristic();
    this.maxRecoveryParam = maxRecoveryParam;
    this.normaliseBeforeRecovery = normaliseBeforeRecovery;
  }

  /**
   * k256: recovery ids 0 and 1 only, and the signature is normalised to low-S (flipping the id's
   * y-parity) before recovering, exactly as {@code secp256k1_recover_pubkey} does.
   */
  static Ecdsa secp256k1() {
    return new Ecdsa("secp256k1", 1, true);
  }

  /** p256: recovery ids 0..3 (2 and 3 for x = r + n) and no normalisation before recovery. */
  static Ecdsa secp256r1() {
    return new Ecdsa("secp256r1", 3, false);
  }

  boolean verify(byte[] messageHash, byte[] signature, byte[] publicKey) {
    checkHash(messageHash);
    checkSignature(signature);
    checkPubkeyFormat(publicKey);
    BigInteger r = scalar(signature, 0);
    BigInteger s = scalar(signature, 32);
    checkScalars(r, s);
    // RustCrypto's verifier rejects high-S, so cosmwasm normalises first: both halves verify.
    s = lowS(s);
    ECPoint q = decodePublicKey(publicKey);
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, new ECPublicKeyParameters(q, domain));
    return signer.verifySignature(messageHash, r, s);
  }

  byte[] recoverPubkey(byte[] messageHash, byte[] signature, int recoveryParam) {
    checkHash(messageHash);
    checkSignature(signature);
    if (recoveryParam < 0 || recoveryParam > maxRecoveryParam) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_RECOVERY_PARAM, "recovery param " + recoveryParam);
    }
    BigInteger r = scalar(signature, 0);
    BigInteger s = scalar(signature, 32);
    checkScalars(r, s);
    boolean yOdd = (recoveryParam & 1) == 1;
    boolean xReduced = (recoveryParam & 2) == 2;
    if (normaliseBeforeRecovery && s.compareTo(halfN) > 0) {
      // (r, n - s) signs the same message as (r, s) with the nonce point negated, i.e. with the
      // opposite y-parity: flipping the id keeps the recovered key the same.
      s = n.subtract(s);
      yOdd = !yOdd;
    }
    BigInteger x = xReduced ? r.add(n) : r;
    if (x.compareTo(p) >= 0) {
      throw CryptoException.genericErr(SIGNATURE_ERROR);
    }
    ECPoint bigR = decompress(x, yOdd);
    // Q = r⁻¹ (s·R − e·G), e the prehash reduced mod n (bits2field for a 256-bit order).
    BigInteger e = new BigInteger(1, messageHash).mod(n);
    BigInteger rInv = r.modInverse(n);
    BigInteger u1 = e.multiply(rInv).negate().mod(n);
    BigInteger u2 = s.multiply(rInv).mod(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(domain.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw CryptoException.genericErr(SIGNATURE_ERROR);
    }
    // RustCrypto re-verifies (r, s) against Q here; by construction u1·G + u2·Q = R, whose x is
    // r (mod n), so that check cannot fail for a non-identity Q and is not repeated.
    return q.getEncoded(false);
  }

  private static void checkHash(byte[] messageHash) {
    if (messageHash.length != HASH_LEN) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_HASH_FORMAT, "hash of " + messageHash.length + " bytes");
    }
  }

  private static void checkSignature(byte[] signature) {
    if (signature.length != SIGNATURE_LEN) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_SIGNATURE_FORMAT, "signature of " + signature.length + " bytes");
    }
  }

  /** SEC1: 33 bytes starting 02/03 or 65 bytes starting 04 (cosmwasm's {@code check_pubkey}). */
  private static void checkPubkeyFormat(byte[] publicKey) {
    boolean ok =
        publicKey.length > 0
            && switch (publicKey[0]) {
              case 0x02, 0x03 -> publicKey.length == COMPRESSED_PUBKEY_LEN;
              case 0x04 -> publicKey.length == UNCOMPRESSED_PUBKEY_LEN;
              default -> false;
            };
    if (!ok) {
      throw new CryptoException(
          CryptoErrorCode.INVALID_PUBKEY_FORMAT, "public key of " + publicKey.length + " bytes");
    }
  }

  /** {@code Signature::from_bytes}: both scalars in [1, n). */
  private void checkScalars(BigInteger r, BigInteger s) {
    if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
      throw CryptoException.genericErr(SIGNATURE_ERROR);
    }
  }

  private BigInteger lowS(BigInteger s) {
    return s.compareTo(halfN) > 0 ? n.subtract(s) : s;
  }

  private static BigInteger scalar(byte[] signature, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(signature, offset, offset + 32));
  }

  /** {@code VerifyingKey::from_sec1_bytes}: coordinates below p and the point on the curve. */
  private ECPoint decodePublicKey(byte[] publicKey) {
    try {
      return domain.getCurve().decodePoint(publicKey);
    } catch (IllegalArgumentException e) {
      throw CryptoException.genericErr(SIGNATURE_ERROR);
    }
  }

  private ECPoint decompress(BigInteger x, boolean yOdd) {
    byte[] encoded = new byte[COMPRESSED_PUBKEY_LEN];
    encoded[0] = (byte) (yOdd ? 0x03 : 0x02);
    byte[] xBytes = x.toByteArray();
    int len = Math.min(xBytes.length, 32);
    System.arraycopy(xBytes, xBytes.length - len, encoded, COMPRESSED_PUBKEY_LEN - len, len);
    return decodePublicKey(encoded);
  }
}
