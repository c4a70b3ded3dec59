package io.wasm08.wasm.vm.crypto;

import io.wasm08.wasm.vm.crypto.CosmWasmCrypto.HashFunction;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * cosmwasm-crypto's BLS12-381 functions ({@code bls12_381/*.rs}, arkworks 0.5) on blst (jblst):
 * points travel in the compressed ZCash encoding (48-byte G1, 96-byte G2; flag bits C, I, S in the
 * first byte) and every decoded point is fully validated as {@code deserialize_compressed} does:
 * correct flags, coordinates below p, on the curve, in the prime-order subgroup. The point at
 * infinity ({@code 0xc0 00…}) is a valid input and output.
 */
public final class Bls12381 {
  public static final int G1_POINT_LEN = 48;
  public static final int G2_POINT_LEN = 96;

  private Bls12381() {}

  /**
   * Σ of concatenated compressed G1 points. Codes: 14 for no input, 15 when the length is not a
   * multiple of 48, 8 for the first invalid point.
   */
  public static byte[] aggregateG1(byte[] points) {
    checkAggregateInput(points, G1_POINT_LEN);
    P1 sum = new P1(); // zero-filled Jacobian coordinates: the point at infinity
    for (int offset = 0; offset < points.length; offset += G1_POINT_LEN) {
      sum.add(g1(points, offset, G1_POINT_LEN));
    }
    return sum.compress();
  }

  /** As {@link #aggregateG1} for 96-byte G2 points. */
  public static byte[] aggregateG2(byte[] points) {
    checkAggregateInput(points, G2_POINT_LEN);
    P2 sum = new P2();
    for (int offset = 0; offset < points.length; offset += G2_POINT_LEN) {
      sum.add(g2(points, offset, G2_POINT_LEN));
    }
    return sum.compress();
  }

  /**
   * Whether e(p₁, q₁) · … · e(pₙ, qₙ) = e(r, s). Codes: 11 when {@code ps} is not a multiple of 48,
   * 12 when {@code qs} is not a multiple of 96, 13 for unequal counts (checked in that order), 8
   * for an invalid point or an {@code r}/{@code s} of the wrong length. n = 0 asks whether e(r, s)
   * = 1, i.e. whether r or s is the point at infinity.
   */
  public static boolean pairingEquality(byte[] ps, byte[] qs, byte[] r, byte[] s) {
    if (ps.length % G1_POINT_LEN != 0) {
      throw new CryptoException(
          CryptoErrorCode.PAIRING_NOT_MULTIPLE_G1,
          "List is not a multiple of 48. Remainder: " + ps.length % G1_POINT_LEN);
    }
    if (qs.length % G2_POINT_LEN != 0) {
      throw new CryptoException(
          CryptoErrorCode.PAIRING_NOT_MULTIPLE_G2,
          "List is not a multiple of 96. Remainder: " + qs.length % G2_POINT_LEN);
    }
    int n = ps.length / G1_POINT_LEN;
    if (n != qs.length / G2_POINT_LEN) {
      throw new CryptoException(
          CryptoErrorCode.PAIRING_UNEQUAL_POINT_AMOUNT,
          "Not the same amount of points passed. Left: "
              + n
              + ", Right: "
              + qs.length / G2_POINT_LEN);
    }
    P1_Affine[] lefts = new P1_Affine[n + 1];
    P2_Affine[] rights = new P2_Affine[n + 1];
    for (int i = 0; i < n; i++) {
      lefts[i] = g1(ps, i * G1_POINT_LEN, G1_POINT_LEN);
      rights[i] = g2(qs, i * G2_POINT_LEN, G2_POINT_LEN);
    }
    // e(p₁, q₁)···e(pₙ, qₙ) = e(r, s) ⇔ e(p₁, q₁)···e(pₙ, qₙ)·e(−r, s) = 1
    lefts[n] = new P1(g1(r, 0, r.length)).neg().to_affine();
    rights[n] = g2(s, 0, s.length);
    PT product = null;
    for (int i = 0; i <= n; i++) {
      // e(O, q) = e(p, O) = 1: skipping such pairs is exact and keeps the Miller loop away from
      // the point at infinity.
      if (lefts[i].is_inf() || rights[i].is_inf()) {
        continue;
      }
      PT miller = new PT(lefts[i], rights[i]);
      product = product == null ? miller : product.mul(miller);
    }
    return product == null || product.final_exp().is_one();
  }

  /**
   * RFC 9380 {@code BLS12381G1_XMD:SHA-256_SSWU_RO_} with the caller's DST (any bytes; over 255
   * bytes it is hashed per RFC 9380 §5.3.3) → compressed G1 point.
   */
  public static byte[] hashToG1(HashFunction hashFunction, byte[] message, byte[] dst) {
    requireSha256(hashFunction);
    String jniDst = Bls12381HashToCurve.jniTransportableDst(dst);
    if (jniDst != null) {
      return new P1().hash_to(message, jniDst).compress();
    }
    return Bls12381HashToCurve.hashToG1(message, dst);
  }

  /** RFC 9380 {@code BLS12381G2_XMD:SHA-256_SSWU_RO_} → compressed G2 point. */
  public static byte[] hashToG2(HashFunction hashFunction, byte[] message, byte[] dst) {
    requireSha256(hashFunction);
    String jniDst = Bls12381HashToCurve.jniTransportableDst(dst);
    if (jniDst != null) {
      return new P2().hash_to(message, jniDst).compress();
    }
    return Bls12381HashToCurve.hashToG2(message, dst);
  }

  private static void requireSha256(HashFunction hashFunction) {
    if (hashFunction != HashFunction.SHA256) {
      throw new CryptoException(
          CryptoErrorCode.UNKNOWN_HASH_FUNCTION, String.valueOf(hashFunction));
    }
  }

  private static void checkAggregateInput(byte[] points, int pointLen) {
    if (points.length == 0) {
      throw new CryptoException(CryptoErrorCode.AGGREGATION_EMPTY, "List of points is empty");
    }
    if (points.length % pointLen != 0) {
      throw new CryptoException(
          CryptoErrorCode.AGGREGATION_NOT_MULTIPLE,
          "List is not a multiple of " + pointLen + ". Remainder: " + points.length % pointLen);
    }
  }

  /** {@code g1_from_variable}: exactly 48 bytes, then full validation. */
  static P1_Affine g1(byte[] data, int offset, int length) {
    if (length != G1_POINT_LEN) {
      throw CryptoException.invalidPointLength(G1_POINT_LEN, length);
    }
    P1_Affine point;
    try {
      // blst_p1_deserialize: flags, x < p, on the curve; 48 bytes require the compression flag
      point = new P1_Affine(Arrays.copyOfRange(data, offset, offset + G1_POINT_LEN));
    } catch (RuntimeException e) { // jblst reports BLST_ERROR as RuntimeException
      throw CryptoException.invalidPoint();
    }
    if (!point.in_group()) {
      throw CryptoException.invalidPoint();
    }
    return point;
  }

  static P2_Affine g2(byte[] data, int offset, int length) {
    if (length != G2_POINT_LEN) {
      throw CryptoException.invalidPointLength(G2_POINT_LEN, length);
    }
    P2_Affine point;
    try {
      point = new P2_Affine(Arrays.copyOfRange(data, offset, offset + G2_POINT_LEN));
    } catch (RuntimeException e) { // jblst reports BLST_ERROR as RuntimeException
      throw CryptoException.invalidPoint();
    }
    if (!point.in_group()) {
      throw CryptoException.invalidPoint();
    }
    return point;
  }
}
