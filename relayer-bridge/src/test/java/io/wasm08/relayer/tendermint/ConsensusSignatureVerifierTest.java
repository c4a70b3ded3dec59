package io.wasm08.relayer.tendermint;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.testchain.TestValidatorKey;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * Validator signatures follow CometBFT's rules: ZIP-215 Ed25519, which accepts what an RFC
 * 8032-strict verifier rejects (a small-order key), and CometBFT's low-S secp256k1.
 */
class ConsensusSignatureVerifierTest {
  private static final ConsensusSignatureVerifier VERIFIER = ConsensusSignatureVerifier.INSTANCE;

  @Test
  void anHonestEd25519SignatureVerifiesAndATamperedOneDoesNot() {
    TestValidatorKey key = TestValidatorKey.named("signer");
    Bytes msg = Bytes.ofUtf8("precommit");
    Bytes sig = key.sign(msg);
    assertThat(VERIFIER.verify(key.publicKey(), msg, sig)).isTrue();
    assertThat(VERIFIER.verify(key.publicKey(), Bytes.ofUtf8("precommit!"), sig)).isFalse();
    assertThat(VERIFIER.verify(key.publicKey(), msg, sig.slice(0, 63))).isFalse();
  }

  /**
   * The identity point as key and as R with s = 0 satisfies the cofactored equation [8][s]B = [8]R
   * + [8][k]A for every message (all terms are the identity): valid under ZIP-215, as CometBFT
   * judges it; Bouncy Castle's RFC 8032 check rejects the small-order key.
   */
  @Test
  void zip215AcceptsWhatRfc8032StrictVerificationRejects() {
    byte[] identity = HexFormat.of().parseHex("01" + "00".repeat(31));
    byte[] signature = HexFormat.of().parseHex("01" + "00".repeat(31) + "00".repeat(32));
    byte[] message = "any message".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(
            VERIFIER.verify(
                new PublicKey.Ed25519(Bytes.of(identity)), Bytes.of(message), Bytes.of(signature)))
        .isTrue();
    assertThat(Ed25519.verify(signature, 0, identity, 0, message, 0, message.length)).isFalse();
  }

  /** CometBFT's secp256k1: r‖s over SHA-256(message), and only the low-S form is valid. */
  @Test
  void secp256k1NeedsLowS() {
    org.bouncycastle.asn1.x9.X9ECParameters curve =
        org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
    org.bouncycastle.crypto.params.ECDomainParameters domain =
        new org.bouncycastle.crypto.params.ECDomainParameters(
            curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    java.math.BigInteger d =
        new java.math.BigInteger(1, Sha256.digest("secp key".getBytes())).mod(curve.getN());
    org.bouncycastle.crypto.signers.ECDSASigner signer =
        new org.bouncycastle.crypto.signers.ECDSASigner(
            new org.bouncycastle.crypto.signers.HMacDSAKCalculator(
                new org.bouncycastle.crypto.digests.SHA256Digest()));
    signer.init(true, new org.bouncycastle.crypto.params.ECPrivateKeyParameters(d, domain));
    byte[] msg = "vote".getBytes();
    java.math.BigInteger[] rs = signer.generateSignature(Sha256.digest(msg));
    java.math.BigInteger n = curve.getN();
    java.math.BigInteger low = rs[1].min(n.subtract(rs[1]));
    java.math.BigInteger high = n.subtract(low);
    PublicKey key =
        new PublicKey.Secp256k1(Bytes.of(curve.getG().multiply(d).normalize().getEncoded(true)));

    assertThat(VERIFIER.verify(key, Bytes.of(msg), rs(rs[0], low))).isTrue();
    assertThat(VERIFIER.verify(key, Bytes.of(msg), rs(rs[0], high))).isFalse();
    assertThat(VERIFIER.verify(key, Bytes.ofUtf8("other"), rs(rs[0], low))).isFalse();
  }

  private static Bytes rs(java.math.BigInteger r, java.math.BigInteger s) {
    return Bytes.of(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, r))
        .concat(Bytes.of(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s)));
  }

  @Test
  void blsKeysAreNotSupported() {
    assertThat(
            VERIFIER.verify(
                new PublicKey.Bls12381(Bytes.of(new byte[48])),
                Bytes.EMPTY,
                Bytes.of(new byte[96])))
        .isFalse();
  }
}
