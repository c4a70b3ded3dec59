package io.wasm08.core.crypto;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import cosmos.crypto.secp256k1.Keys;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.errors.IbcException;
import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 account public key ({@code cosmos.crypto.secp256k1.PubKey}): the 33-byte compressed
 * point. Its address is {@code RIPEMD160(SHA256(key))}.
 */
public record Secp256k1PublicKey(Bytes compressed) {
  /** {@code "/cosmos.crypto.secp256k1.PubKey"}. */
  public static final String TYPE_URL = AnyCodec.typeUrl(Keys.PubKey.getDescriptor());

  public Secp256k1PublicKey {
    Objects.requireNonNull(compressed, "compressed");
    if (compressed.size() != 33 || (compressed.get(0) != 0x02 && compressed.get(0) != 0x03)) {
      throw IbcException.plainf(
          "invalid secp256k1 public key: expected 33-byte compressed point, got %d bytes",
          compressed.size());
    }
    try {
      Secp256k1.CURVE.getCurve().decodePoint(compressed.toByteArray());
    } catch (IllegalArgumentException e) {
      throw IbcException.plain("invalid secp256k1 public key: not a point on the curve");
    }
  }

  public static Secp256k1PublicKey fromProto(Keys.PubKey proto) {
    return new Secp256k1PublicKey(Bytes.of(proto.getKey().toByteArray()));
  }

  public Keys.PubKey toProto() {
    return Keys.PubKey.newBuilder().setKey(ByteString.copyFrom(compressed.toByteArray())).build();
  }

  /** The key as a transaction carries it: {@code Any{"/cosmos.crypto.secp256k1.PubKey", …}}. */
  public Any toAny() {
    return AnyCodec.pack(toProto());
  }

  /** {@code PubKey.Address()}: {@code RIPEMD160(SHA256(compressed))}, 20 bytes. */
  public AccAddress address() {
    return new AccAddress(Hashes.ripemd160(Hashes.sha256(compressed)));
  }

  /**
   * {@code PubKey.VerifySignature(msg, sig)} of SDK v0.50: the signature must be 64 bytes {@code r
   * ‖ s} (each read modulo the group order, as the decred scalar parser does), non-zero, with S in
   * the lower half (malleable high-S signatures are rejected), and valid over SHA-256({@code
   * message}).
   */
  public boolean verify(Bytes message, Bytes signature) {
    if (signature.size() != 64) {
      return false;
    }
    byte[] sig = signature.toByteArray();
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32)).mod(Secp256k1.N);
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)).mod(Secp256k1.N);
    if (r.signum() == 0 || s.signum() == 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
      return false;
    }
    ECPoint point = Secp256k1.CURVE.getCurve().decodePoint(compressed.toByteArray());
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(point, Secp256k1.DOMAIN));
    return verifier.verifySignature(Hashes.sha256(message).toByteArray(), r, s);
  }

  @Override
  public String toString() {
    return "PubKeySecp256k1{" + compressed.toHex().toUpperCase(java.util.Locale.ROOT) + "}";
  }
}
