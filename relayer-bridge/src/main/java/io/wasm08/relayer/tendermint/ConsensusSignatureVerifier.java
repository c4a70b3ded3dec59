package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.crypto.Ed25519Zip215;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Consensus signatures with Bouncy Castle: Ed25519 per RFC 8032 (BC's {@code Ed25519.verify}, which
 * rejects non-canonical S and is stricter than the ZIP-215 rules CometBFT applies — honest
 * signatures verify identically under both), and secp256k1 as CometBFT's {@code
 * secp256k1.PubKey.VerifySignature}: 64-byte r‖s over SHA-256 of the message, high S rejected.
 * BLS12-381 keys are not supported (false).
 */
public final class ConsensusSignatureVerifier implements SignatureVerifier {
  public static final ConsensusSignatureVerifier INSTANCE = new ConsensusSignatureVerifier();

  private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters SECP256K1_DOMAIN =
      new ECDomainParameters(
          SECP256K1.getCurve(), SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());
  private static final BigInteger HALF_N = SECP256K1.getN().shiftRight(1);

  private ConsensusSignatureVerifier() {}

  @Override
  public boolean verify(PublicKey key, Bytes message, Bytes signature) {
    return switch (key) {
      case PublicKey.Ed25519 k -> ed25519(k.bytes(), message, signature);
      case PublicKey.Secp256k1 k -> secp256k1(k.bytes(), message, signature);
      case PublicKey.Bls12381 k -> false;
    };
  }

  private static boolean ed25519(Bytes key, Bytes message, Bytes signature) {
    if (signature.size() != Ed25519Zip215.SIGNATURE_LEN || key.size() != Ed25519Zip215.PUBKEY_LEN) {
      return false;
    }
    return Ed25519Zip215.verify(message.toByteArray(), signature.toByteArray(), key.toByteArray());
  }

  private static boolean secp256k1(Bytes key, Bytes message, Bytes signature) {
    if (signature.size() != 64) {
      return false;
    }
    byte[] sig = signature.toByteArray();
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    if (s.compareTo(HALF_N) > 0) {
      return false;
    }
    ECPoint point;
    try {
      point = SECP256K1.getCurve().decodePoint(key.toByteArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, new ECPublicKeyParameters(point, SECP256K1_DOMAIN));
    return signer.verifySignature(Sha256.digest(message.toByteArray()), r, s);
  }
}
