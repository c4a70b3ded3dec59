package io.wasm08.wasm.vm.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of the twisted Edwards curve −x² + y² = 1 + d·x²·y² (edwards25519) in extended
 * coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, T = XY/Z, over Bouncy Castle's field arithmetic
 * ({@link X25519Field}, 10 limbs of 25.5 bits).
 *
 * <p>Why this exists: Bouncy Castle's Ed25519 verifier decodes as RFC 8032 strictly requires (it
 * rejects non-canonical encodings and small-order keys) and keeps its point arithmetic private.
 * ZIP-215, which ed25519-zebra and therefore CosmWasm implement, needs curve25519-dalek's decoding
 * (non-canonical y accepted, "negative zero" accepted) and the cofactored equation, so the group
 * law is written out here: the complete unified addition and doubling of Hisil–Wong–Carter–Dawson
 * 2008 ("add-2008-hwcd-3", "dbl-2008-hwcd", a = −1), which are exception-free for every pair of
 * curve points, small-order ones included. Variable-time: only public data (keys, signatures,
 * messages) is processed.
 */
final class Ed25519Point {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** The prime order ℓ = 2²⁵² + 27742317777372353535851937790883648493 of the base point. */
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** d = −121665/121666. */
  private static final int[] D =
      field(BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));

  private static final int[] D2 = field(fieldValue(D).shiftLeft(1).mod(P));

  static final Ed25519Point IDENTITY =
      new Ed25519Point(
          field(BigInteger.ZERO),
          field(BigInteger.ONE),
          field(BigInteger.ONE),
          field(BigInteger.ZERO));

  /** The RFC 8032 base point B: y = 4/5, x even. */
  static final Ed25519Point BASE =
      decompress(
          encodeLittleEndian(
              BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P)));

  /** wNAF window widths: a fixed table for B, a per-call table for the public key. */
  private static final int BASE_WINDOW = 8;

  private static final int POINT_WINDOW = 5;

  /** Digits of a wNAF of a scalar below 2²⁵⁶: at most one more than its bit length. */
  private static final int NAF_LENGTH = 257;

  private static final Ed25519Point[] BASE_ODD_MULTIPLES = oddMultiples(BASE, BASE_WINDOW);

  private final int[] x;
  private final int[] y;
  private final int[] z;
  private final int[] t;

  private Ed25519Point(int[] x, int[] y, int[] z, int[] t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  /**
   * Decodes a 32-byte encoding as curve25519-dalek's {@code CompressedEdwardsY::decompress} does,
   * which is what ZIP-215 prescribes: y is the low 255 bits taken as an integer (values in [p,
   * 2²⁵⁵) are accepted and reduced), x = ±√((y² − 1)/(d·y² + 1)) with the sign bit selecting the
   * root of that parity, and sign bit 1 with x = 0 is accepted (x stays 0). Returns {@code null}
   * when (y² − 1)/(d·y² + 1) is not a square, i.e. y is not the ordinate of a curve point.
   */
  static Ed25519Point decompress(byte[] encoding) {
    if (encoding.length != 32) {
      throw new IllegalArgumentException("an edwards25519 encoding has 32 bytes");
    }
    int[] py = X25519Field.create();
    X25519Field.decode(encoding, 0, py); // masks bit 255, keeps y as given (no reduction needed)
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    X25519Field.sqr(py, u);
    X25519Field.mul(u, D, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    carry(u);
    carry(v);
    int[] px = X25519Field.create();
    if (!X25519Field.sqrtRatioVar(u, v, px)) {
      return null;
    }
    X25519Field.normalize(px);
    int sign = (encoding[31] >>> 7) & 1;
    if ((px[0] & 1) != sign) {
      X25519Field.negate(px, px);
      carry(px);
      X25519Field.normalize(px);
    }
    int[] pt = X25519Field.create();
    X25519Field.mul(px, py, pt);
    return new Ed25519Point(px, py, field(BigInteger.ONE), pt);
  }

  /** The canonical RFC 8032 encoding: y mod p little-endian, bit 255 the parity of x. */
  byte[] compress() {
    int[] zInv = X25519Field.create();
    X25519Field.inv(z, zInv);
    int[] ax = X25519Field.create();
    int[] ay = X25519Field.create();
    X25519Field.mul(x, zInv, ax);
    X25519Field.mul(y, zInv, ay);
    X25519Field.normalize(ax);
    X25519Field.normalize(ay);
    byte[] out = new byte[32];
    X25519Field.encode(ay, out, 0);
    out[31] |= (byte) ((ax[0] & 1) << 7);
    return out;
  }

  /** add-2008-hwcd-3 (complete for a = −1 because d is not a square). */
  Ed25519Point add(Ed25519Point q) {
    int[] a = X25519Field.create();
    int[] b = X25519Field.create();
    int[] c = X25519Field.create();
    int[] d = X25519Field.create();
    int[] tmp = X25519Field.create();
    // A = (Y1 − X1)(Y2 − X2), B = (Y1 + X1)(Y2 + X2)
    X25519Field.apm(y, x, b, a);
    X25519Field.apm(q.y, q.x, d, tmp);
    X25519Field.mul(a, tmp, a);
    X25519Field.mul(b, d, b);
    // C = 2d·T1·T2, D = 2·Z1·Z2
    X25519Field.mul(t, q.t, c);
    X25519Field.mul(c, D2, c);
    X25519Field.add(z, z, d);
    X25519Field.mul(d, q.z, d);
    // E = B − A, H = B + A, F = D − C, G = D + C
    int[] e = X25519Field.create();
    int[] h = X25519Field.create();
    int[] f = X25519Field.create();
    int[] g = X25519Field.create();
    X25519Field.apm(b, a, h, e);
    X25519Field.apm(d, c, g, f);
    carry(e);
    carry(h);
    carry(f);
    carry(g);
    return product(e, f, g, h);
  }

  /** dbl-2008-hwcd with a = −1. */
  Ed25519Point dbl() {
    int[] a = X25519Field.create();
    int[] b = X25519Field.create();
    int[] c = X25519Field.create();
    int[] e = X25519Field.create();
    // A = X², B = Y², C = 2Z², E = (X + Y)² − A − B
    X25519Field.add(x, y, e);
    carry(e);
    X25519Field.sqr(e, e);
    X25519Field.sqr(x, a);
    X25519Field.sqr(y, b);
    X25519Field.sqr(z, c);
    X25519Field.add(c, c, c);
    X25519Field.sub(e, a, e);
    X25519Field.sub(e, b, e);
    // G = B − A (= D + B with D = −A), F = G − C, H = −A − B
    int[] g = X25519Field.create();
    int[] f = X25519Field.create();
    int[] h = X25519Field.create();
    X25519Field.sub(b, a, g);
    X25519Field.sub(g, c, f);
    X25519Field.add(a, b, h);
    X25519Field.negate(h, h);
    carry(e);
    carry(g);
    carry(f);
    carry(h);
    return product(e, f, g, h);
  }

  /** X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G. */
  private static Ed25519Point product(int[] e, int[] f, int[] g, int[] h) {
    int[] rx = X25519Field.create();
    int[] ry = X25519Field.create();
    int[] rz = X25519Field.create();
    int[] rt = X25519Field.create();
    X25519Field.mul(e, f, rx);
    X25519Field.mul(g, h, ry);
    X25519Field.mul(f, g, rz);
    X25519Field.mul(e, h, rt);
    return new Ed25519Point(rx, ry, rz, rt);
  }

  Ed25519Point negate() {
    int[] nx = X25519Field.create();
    int[] nt = X25519Field.create();
    X25519Field.negate(x, nx);
    X25519Field.negate(t, nt);
    carry(nx);
    carry(nt);
    return new Ed25519Point(nx, y, z, nt);
  }

  /** [8]P: kills the torsion component, as dalek's {@code mul_by_cofactor}. */
  Ed25519Point mulByCofactor() {
    return dbl().dbl().dbl();
  }

  /** Whether this is the neutral element (0, 1): X ≡ 0 and Y ≡ Z (mod p). */
  boolean isIdentity() {
    int[] nx = X25519Field.create();
    X25519Field.copy(x, 0, nx, 0);
    carry(nx);
    X25519Field.normalize(nx);
    int[] diff = X25519Field.create();
    X25519Field.sub(y, z, diff);
    carry(diff);
    X25519Field.normalize(diff);
    return X25519Field.isZeroVar(nx) && X25519Field.isZeroVar(diff);
  }

  /** [a]A + [b]B for scalars 0 ≤ a, b < 2²⁵⁶, interleaved wNAF (variable time). */
  static Ed25519Point doubleScalarMulBase(BigInteger a, Ed25519Point point, BigInteger b) {
    byte[] nafA = wnaf(a, POINT_WINDOW);
    byte[] nafB = wnaf(b, BASE_WINDOW);
    Ed25519Point[] table = oddMultiples(point, POINT_WINDOW);
    int top = nafA.length - 1;
    while (top >= 0 && nafA[top] == 0 && nafB[top] == 0) {
      top--;
    }
    Ed25519Point acc = IDENTITY;
    for (int i = top; i >= 0; i--) {
      acc = acc.dbl();
      acc = addDigit(acc, table, nafA[i]);
      acc = addDigit(acc, BASE_ODD_MULTIPLES, nafB[i]);
    }
    return acc;
  }

  private static Ed25519Point addDigit(Ed25519Point acc, Ed25519Point[] oddMultiples, int digit) {
    if (digit > 0) {
      return acc.add(oddMultiples[digit >> 1]);
    } else if (digit < 0) {
      return acc.add(oddMultiples[(-digit) >> 1].negate());
    }
    return acc;
  }

  /** P, 3P, 5P, …, (2^(w−1) − 1)P. */
  private static Ed25519Point[] oddMultiples(Ed25519Point p, int window) {
    Ed25519Point[] table = new Ed25519Point[1 << (window - 2)];
    Ed25519Point twice = p.dbl();
    table[0] = p;
    for (int i = 1; i < table.length; i++) {
      table[i] = table[i - 1].add(twice);
    }
    return table;
  }

  /**
   * Width-w non-adjacent form, least significant digit first; odd digits in (−2^(w−1), 2^(w−1)).
   */
  private static byte[] wnaf(BigInteger k, int window) {
    if (k.signum() < 0 || k.bitLength() > 256) {
      throw new IllegalArgumentException("scalar out of range");
    }
    byte[] naf = new byte[NAF_LENGTH];
    int modulus = 1 << window;
    BigInteger rest = k;
    for (int i = 0; rest.signum() > 0; i++) {
      if (rest.testBit(0)) {
        int digit = rest.intValue() & (modulus - 1);
        if (digit >= modulus >> 1) {
          digit -= modulus;
        }
        naf[i] = (byte) digit;
        rest = rest.subtract(BigInteger.valueOf(digit));
      }
      rest = rest.shiftRight(1);
    }
    return naf;
  }

  /** Keeps limbs within the bounds {@link X25519Field#mul} expects after additions. */
  private static void carry(int[] limbs) {
    X25519Field.carry(limbs);
  }

  private static int[] field(BigInteger value) {
    int[] limbs = X25519Field.create();
    X25519Field.decode(encodeLittleEndian(value), 0, limbs);
    return limbs;
  }

  private static BigInteger fieldValue(int[] limbs) {
    int[] copy = X25519Field.create();
    X25519Field.copy(limbs, 0, copy, 0);
    X25519Field.normalize(copy);
    byte[] le = new byte[32];
    X25519Field.encode(copy, le, 0);
    return decodeLittleEndian(le);
  }

  static byte[] encodeLittleEndian(BigInteger value) {
    byte[] be = value.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  static BigInteger decodeLittleEndian(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }
}
