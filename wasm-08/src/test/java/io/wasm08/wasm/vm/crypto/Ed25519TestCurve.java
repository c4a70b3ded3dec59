package io.wasm08.wasm.vm.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent BigInteger facts about edwards25519 (−x² + y² = 1 + d·x²·y² over p = 2²⁵⁵ − 19) used
 * to build test cases without the code under test: the 8-torsion points and the ZIP-215 test
 * encodings.
 */
final class Ed25519TestCurve {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

  private Ed25519TestCurve() {}

  /** A square root mod p (p ≡ 5 mod 8), or null for a non-residue. */
  static BigInteger sqrt(BigInteger a) {
    a = a.mod(P);
    BigInteger candidate = a.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (candidate.multiply(candidate).mod(P).equals(a)) {
      return candidate;
    }
    candidate = candidate.multiply(SQRT_M1).mod(P);
    return candidate.multiply(candidate).mod(P).equals(a) ? candidate : null;
  }

  /** Whether some curve point has ordinate y: (y² − 1)/(d·y² + 1) is a square. */
  static boolean isOrdinate(BigInteger y) {
    BigInteger y2 = y.multiply(y).mod(P);
    BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
    return sqrt(u.multiply(v.modInverse(P))) != null;
  }

  /** The canonical encoding of (x, y): y little-endian, bit 255 the parity of x. */
  static byte[] encode(BigInteger x, BigInteger y) {
    byte[] out = Ed25519Point.encodeLittleEndian(y.mod(P));
    out[31] |= (byte) (x.mod(P).testBit(0) ? 0x80 : 0);
    return out;
  }

  /**
   * The 8-torsion subgroup: (0, 1), (0, −1), (±√−1, 0) and the four (±x, ±√−1·x) of order 8, where
   * 2P of order 4 has y = 0, i.e. y² = −x², and the curve equation gives d·x⁴ − 2x² − 1 = 0, x² =
   * (1 ± √(1 + d))/d (the root that is a square).
   */
  static List<byte[]> eightTorsionEncodings() {
    List<byte[]> out = new ArrayList<>();
    out.add(encode(BigInteger.ZERO, BigInteger.ONE));
    out.add(encode(BigInteger.ZERO, P.subtract(BigInteger.ONE)));
    out.add(encode(SQRT_M1, BigInteger.ZERO));
    out.add(encode(P.subtract(SQRT_M1), BigInteger.ZERO));
    BigInteger root = sqrt(BigInteger.ONE.add(D));
    BigInteger dInv = D.modInverse(P);
    BigInteger x = null;
    for (BigInteger candidate : List.of(BigInteger.ONE.add(root), BigInteger.ONE.subtract(root))) {
      BigInteger x2 = candidate.multiply(dInv).mod(P);
      if (sqrt(x2) != null) {
        x = sqrt(x2);
      }
    }
    BigInteger y = x.multiply(SQRT_M1).mod(P);
    for (BigInteger sx : List.of(x, P.subtract(x))) {
      for (BigInteger sy : List.of(y, P.subtract(y))) {
        out.add(encode(sx, sy));
      }
    }
    return out;
  }

  /**
   * ed25519-zebra's {@code non_canonical_point_encodings} rule (tests/util): the y = 1 and y = −1
   * encodings with the sign bit set, then for the 19 values p + i (i = 0..18, still below 2²⁵⁵) the
   * encoding with and without the sign bit whenever it decodes. The first six are the small-order
   * ones ZIP-215's test set uses.
   */
  static List<byte[]> nonCanonicalEncodings() {
    List<byte[]> out = new ArrayList<>();
    byte[] one = encode(BigInteger.ZERO, BigInteger.ONE);
    one[31] |= (byte) 0x80;
    out.add(one);
    byte[] minusOne = encode(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    minusOne[31] |= (byte) 0x80;
    out.add(minusOne);
    for (int i = 0; i < 19; i++) {
      BigInteger y = P.add(BigInteger.valueOf(i));
      if (isOrdinate(y)) {
        out.add(Ed25519Point.encodeLittleEndian(y));
        byte[] signed = Ed25519Point.encodeLittleEndian(y);
        signed[31] |= (byte) 0x80;
        out.add(signed);
      }
    }
    return out;
  }
}
