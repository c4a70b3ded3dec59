package io.wasm08.core.crypto;

import cosmos.crypto.secp256k1.Keys;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A secp256k1 account key ({@code cosmos.crypto.secp256k1.PrivKey}). Signs as the SDK does: ECDSA
 * over SHA-256 of the message with an RFC 6979 nonce, S normalised to the lower half of the order,
 * and the 64-byte {@code r ‖ s} encoding. Deterministic: no randomness is read.
 */
public final class Secp256k1PrivateKey {
  private final BigInteger scalar;

  private Secp256k1PrivateKey(BigInteger scalar) {
    this.scalar = scalar;
  }

  /** A key from its 32-byte big-endian scalar, which must lie in [1, n−1]. */
  public static Secp256k1PrivateKey fromBytes(Bytes key) {
    if (key.size() != 32) {
      throw IbcException.plainf("invalid secp256k1 private key length %d, expected 32", key.size());
    }
    BigInteger d = new BigInteger(1, key.toByteArray());
    if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
      throw IbcException.plain("invalid secp256k1 private key: scalar out of range");
    }
    return new Secp256k1PrivateKey(d);
  }

  public static Secp256k1PrivateKey fromProto(Keys.PrivKey proto) {
    return fromBytes(Bytes.of(proto.getKey().toByteArray()));
  }

  /** The 32-byte scalar. Treat as secret. */
  public Bytes toBytes() {
    return Bytes.wrapOwned(Secp256k1.to32(scalar));
  }

  public Keys.PrivKey toProto() {
    return Keys.PrivKey.newBuilder()
        .setKey(com.google.protobuf.ByteString.copyFrom(Secp256k1.to32(scalar)))
        .build();
  }

  public Secp256k1PublicKey publicKey() {
    byte[] point = Secp256k1.DOMAIN.getG().multiply(scalar).normalize().getEncoded(true);
    return new Secp256k1PublicKey(Bytes.wrapOwned(point));
  }

  /** {@code PrivKey.Sign(msg)}: a 64-byte low-S signature over SHA-256({@code message}). */
  public Bytes sign(Bytes message) {
    return signDigest(Hashes.sha256(message));
  }

  /** Signs a 32-byte digest (already hashed). */
  public Bytes signDigest(Bytes digest) {
    if (digest.size() != 32) {
      throw new IllegalArgumentException("digest must be 32 bytes, got " + digest.size());
    }
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(scalar, Secp256k1.DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest.toByteArray());
    BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    System.arraycopy(Secp256k1.to32(rs[0]), 0, out, 0, 32);
    System.arraycopy(Secp256k1.to32(s), 0, out, 32, 32);
    return Bytes.wrapOwned(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PrivateKey other && scalar.equals(other.scalar);
  }

  @Override
  public int hashCode() {
    return scalar.hashCode();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "Secp256k1PrivateKey[" + publicKey() + "]";
  }
}
