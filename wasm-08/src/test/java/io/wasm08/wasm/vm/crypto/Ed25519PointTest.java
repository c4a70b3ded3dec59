package io.wasm08.wasm.vm.crypto;

import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.hex;
import static io.wasm08.wasm.vm.crypto.CryptoTestSupport.seeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The edwards25519 group law under ZIP-215 decoding, cross-checked against Bouncy Castle. */
class Ed25519PointTest {
  static IntStream seeds() {
    return IntStream.range(0, 24);
  }

  /**
   * [a]B equals Bouncy Castle's RFC 8032 public key for the same secret: BC derives a =
   * clamp(SHA-512 (seed)[0..32]) and encodes [a]B; the same scalar through our double-scalar
   * multiplication and encoder must give the same bytes, which pins addition, doubling, wNAF and
   * compression.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void scalarMultiplicationMatchesBouncyCastlePublicKeys(int seed) {
    byte[] secret = seeded("ed25519-point-" + seed, 32);
    byte[] expected = new byte[32];
    Ed25519.generatePublicKey(secret, 0, expected, 0);
    byte[] h = new byte[64];
    org.bouncycastle.crypto.digests.SHA512Digest digest =
        new org.bouncycastle.crypto.digests.SHA512Digest();
    digest.update(secret, 0, 32);
    digest.doFinal(h, 0);
    h[0] &= (byte) 248;
    h[31] &= 127;
    h[31] |= 64;
    BigInteger a = Ed25519Point.decodeLittleEndian(java.util.Arrays.copyOf(h, 32));
    Ed25519Point viaBase =
        Ed25519Point.doubleScalarMulBase(BigInteger.ZERO, Ed25519Point.IDENTITY, a);
    Ed25519Point viaPoint = Ed25519Point.doubleScalarMulBase(a, Ed25519Point.BASE, BigInteger.ZERO);
    assertThat(hex(viaBase.compress())).isEqualTo(hex(expected));
    assertThat(hex(viaPoint.compress())).isEqualTo(hex(expected));
    Ed25519Point decoded = Ed25519Point.decompress(expected);
    assertThat(hex(decoded.compress())).isEqualTo(hex(expected));
    assertThat(decoded.add(viaBase.negate()).isIdentity()).isTrue();
  }

  @Test
  void basePointIsTheRfc8032Generator() {
    // RFC 8032 §5.1: B = (x, 4/5) with x positive; its encoding is 0x58 followed by 31 × 0x66.
    assertThat(hex(Ed25519Point.BASE.compress())).isEqualTo("58" + "66".repeat(31));
    Ed25519Point orderTimesBase =
        Ed25519Point.doubleScalarMulBase(BigInteger.ZERO, Ed25519Point.IDENTITY, Ed25519Point.L);
    assertThat(orderTimesBase.isIdentity()).isTrue();
    assertThat(Ed25519Point.BASE.isIdentity()).isFalse();
  }

  @Test
  void eightTorsionPointsVanishUnderTheCofactor() {
    List<byte[]> torsion = Ed25519TestCurve.eightTorsionEncodings();
    assertThat(torsion).hasSize(8);
    int identities = 0;
    for (byte[] encoding : torsion) {
      Ed25519Point point = Ed25519Point.decompress(encoding);
      assertThat(point).isNotNull();
      assertThat(hex(point.compress())).isEqualTo(hex(encoding));
      assertThat(point.mulByCofactor().isIdentity()).isTrue();
      identities += point.isIdentity() ? 1 : 0;
    }
    assertThat(identities).isEqualTo(1);
  }

  @Test
  void nonCanonicalEncodingsDecodeToTheirCanonicalPoints() {
    // y = p + 1 ≡ 1 and y = 1 with the sign bit set (x = 0, "negative zero"): both the identity
    byte[] yPlusP = Ed25519Point.encodeLittleEndian(Ed25519Point.P.add(BigInteger.ONE));
    assertThat(Ed25519Point.decompress(yPlusP).isIdentity()).isTrue();
    byte[] negativeZero = Ed25519TestCurve.encode(BigInteger.ZERO, BigInteger.ONE);
    negativeZero[31] |= (byte) 0x80;
    assertThat(Ed25519Point.decompress(negativeZero).isIdentity()).isTrue();
    for (byte[] encoding : Ed25519TestCurve.nonCanonicalEncodings()) {
      Ed25519Point point = Ed25519Point.decompress(encoding);
      assertThat(point).as(hex(encoding)).isNotNull();
      assertThat(hex(point.compress())).as("re-encoding is canonical").isNotEqualTo(hex(encoding));
      assertThat(hex(Ed25519Point.decompress(point.compress()).compress()))
          .isEqualTo(hex(point.compress()));
    }
  }

  @Test
  void ordinatesOfNoPointDoNotDecode() {
    int rejected = 0;
    for (int y = 2; y < 40; y++) {
      byte[] encoding = Ed25519Point.encodeLittleEndian(BigInteger.valueOf(y));
      boolean ordinate = Ed25519TestCurve.isOrdinate(BigInteger.valueOf(y));
      assertThat(Ed25519Point.decompress(encoding) != null).as("y = " + y).isEqualTo(ordinate);
      rejected += ordinate ? 0 : 1;
    }
    assertThat(rejected).isPositive();
  }
}
